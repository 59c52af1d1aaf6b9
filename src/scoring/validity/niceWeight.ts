/**
 * The Linux scheduler's weight per nice value -20 to 19 (kernel/sched/core.c `sched_prio_to_weight`): nice 0
 * weighs 1024, each step about 1.25 times more (lower nice) or less (higher nice).
 */
const WEIGHTS = [
  88761, 71755, 56483, 46273, 36291, 29154, 23254, 18705, 14949, 11916, 9548, 7620, 6100, 4904, 3906, 3121, 2501, 1991, 1586, 1277, 1024, 820, 655, 526, 423, 335, 272, 215, 172, 137, 110, 87, 70, 56, 45, 36, 29, 23, 18, 15,
];

const weightOf = (nice: number) => WEIGHTS[Math.max(-20, Math.min(19, Math.round(nice))) + 20] as number;

/**
 * How much of its CPU a process at `nice` takes from a run at `runNice`, against a process at the run's own
 * priority: where both want one core, the scheduler gives it `w / (w + w_run)` of that core, where a process of
 * equal priority would take a half. 1 at the run's priority or above (never above 1); a nice-10 process beside
 * a run at nice 0 counts 0.19, a nice-0 process beside a run at nice -15 counts 0.07.
 */
export function niceWeight({ nice, runNice }: { nice: number; runNice: number }): number {
  const weight = weightOf(nice);
  return Math.min(1, (2 * weight) / (weight + weightOf(runNice)));
}
