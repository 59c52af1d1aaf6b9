/**
 * The Linux scheduler's weight per nice value 0 to 19 (kernel/sched/core.c `sched_prio_to_weight`): a task at
 * nice 0 weighs 1024, each step about 1.25 times less.
 */
const WEIGHTS = [1024, 820, 655, 526, 423, 335, 272, 215, 172, 137, 110, 87, 70, 56, 45, 36, 29, 23, 18, 15];

/**
 * How much of its CPU a process at `nice` takes from the run, against a process at nice 0: where both want
 * one core, the scheduler gives it `w / (w + 1024)` of that core, where a nice-0 process would take a half.
 * 1 at nice 0 or below (a higher priority is not counted above 1), 0.19 at nice 10, 0.03 at nice 19.
 */
export function niceWeight(nice: number): number {
  if (nice <= 0) return 1;
  const weight = WEIGHTS[Math.min(19, Math.round(nice))] as number;
  return (2 * weight) / (weight + 1024);
}
