import type { ValidityCheck } from '../reportSchema.ts';
import type { HostSample } from './hostSample.ts';

/**
 * How long, per wall second, the run's threads may wait for a CPU that work outside the run holds, in the
 * baseline and fault phases, ms. From measurement (docs/scoring.md "Run validity"): a lone run of
 * test/scenarios/busy-machine.yaml on the shared 2-core machine 24.1, the same beside a busy loop on every core 303.8.
 */
export const OTHER_WORK_WAIT_BOUND_MS = 150;
/** Fewer samples than this in the phases measure nothing (the sampler takes one about every wall second). */
export const MIN_HOST_SAMPLES = 3;

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * machine.otherWork: work outside the run did not hold the run up while it measured the client. Figure: per
 * wall second of the baseline and fault phases (host.ndjson samples in `[from, to)`), the time the run's
 * threads waited for a CPU (schedstat run delay, summed over its threads), each second's wait in the share that
 * work outside the run had of the machine's busy CPU then. The run's own CPU, the client's included when thap
 * started it, is never outside work: a CPU-hungry client is judged, not excused. Outside work that only fills
 * cores the run does not want (a neighbour's niced tests) keeps the run waiting for nothing and is not counted.
 * With the client outside thap's tree (`--target`) or the harness in containers, their CPU cannot be told from
 * other work: the figure is shown, not judged.
 */
export function checkMachineBusy({ samples, from, to, bound = OTHER_WORK_WAIT_BOUND_MS }: { samples: HostSample[]; from: number; to: number; bound?: number }): ValidityCheck {
  const base = { name: 'machine.otherWork', unit: 'ms/s', bound } as const;
  const inPhases = samples.filter((sample) => sample.t - sample.wallMs / 2 >= from && sample.t - sample.wallMs / 2 < to);
  if (inPhases.length < MIN_HOST_SAMPLES) return { ...base, passed: true, figure: null, message: `not measured: ${inPhases.length} host samples in the baseline and fault phases (${MIN_HOST_SAMPLES} needed; host.ndjson is written on Linux)` };
  let wall = 0;
  let capacity = 0;
  let outside = 0;
  let run = 0;
  let waited = 0;
  let waitedOnOthers = 0;
  for (const sample of inPhases) {
    const others = Math.max(0, sample.busyMs - sample.runMs);
    wall += sample.wallMs;
    capacity += sample.busyMs + sample.idleMs;
    outside += others;
    run += sample.runMs;
    waited += sample.runWaitMs;
    waitedOnOthers += sample.busyMs > 0 ? sample.runWaitMs * (others / sample.busyMs) : 0;
  }
  const figure = round1((waitedOnOthers * 1_000) / wall);
  const share = (ms: number) => round1((ms / capacity) * 100);
  const last = inPhases[inPhases.length - 1] as HostSample;
  const text = `the run's threads waited ${figure} ms per wall second for a CPU held by work outside the run (${round1((waited * 1_000) / wall)} ms in all) in the baseline and fault phases; outside work took ${share(outside)}% of the machine's ${last.cores} cores, the run ${share(run)}% (${inPhases.length} samples); bound ${bound} ms/s${bound === OTHER_WORK_WAIT_BOUND_MS ? '' : ` (--machine-wait-bound; thap's own is ${OTHER_WORK_WAIT_BOUND_MS})`}`;
  const outsideTree = !last.runIncludes.includes('mocks') ? "the stack's containers" : !last.runIncludes.includes('client') ? 'the client (--target)' : undefined;
  if (outsideTree) return { ...base, passed: true, figure, message: `${text}; shown, not judged: ${outsideTree} ran outside thap's process tree, so their CPU cannot be told from other work` };
  if (figure <= bound) return { ...base, passed: true, figure, message: text };
  return { ...base, passed: false, figure, message: `${text}: the machine was busy with other work, so the client's times are not its own` };
}
