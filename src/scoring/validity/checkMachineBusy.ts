import type { ValidityCheck } from '../reportSchema.ts';
import type { HostSample } from './hostSample.ts';
import { niceWeight } from './niceWeight.ts';

/**
 * The share of the machine's CPU capacity that work outside the run may take in the baseline and fault
 * phases, in percent. Chosen from measurement (docs/scoring.md "Run validity"): TODO.
 */
export const OTHER_WORK_BOUND_PERCENT = 50;
/** Fewer samples than this in the phases measure nothing (the sampler takes one about every wall second). */
export const MIN_HOST_SAMPLES = 3;

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * machine.otherWork: the machine was not busy with work outside the run while it measured the client. Figure:
 * the CPU used by processes outside the run's process tree (host.ndjson: the machine's busy CPU less the
 * run's), in % of the machine's capacity (cores x wall time), over the samples in `[from, to)` (the baseline
 * and fault phases). Work at a lower priority than the run's (a higher nice value than thap's) counts at the
 * share the scheduler lets it take from the run (niceWeight.ts).
 * The run's own CPU, the client's included when thap started it, is never counted: a CPU-hungry client is judged.
 * With the client outside thap's tree (a `--target` URL) its CPU is in the figure: the bound grows by one core
 * for it. With the container stack the harness is outside the tree too: the figure is shown, not judged.
 */
export function checkMachineBusy({ samples, from, to }: { samples: HostSample[]; from: number; to: number }): ValidityCheck {
  const base = { name: 'machine.otherWork', unit: '%' } as const;
  const inPhases = samples.filter((sample) => sample.t - sample.wallMs / 2 >= from && sample.t - sample.wallMs / 2 < to);
  if (inPhases.length < MIN_HOST_SAMPLES) return { ...base, passed: true, figure: null, bound: OTHER_WORK_BOUND_PERCENT, message: `not measured: ${inPhases.length} host samples in the baseline and fault phases (${MIN_HOST_SAMPLES} needed; host.ndjson is written on Linux)` };
  let capacity = 0;
  let counted = 0;
  let yielding = 0;
  let run = 0;
  for (const sample of inPhases) {
    const outside = Math.max(0, sample.busyMs - sample.runMs);
    const byNice = Object.entries(sample.otherByNiceMs).map(([nice, ms]) => ({ ms, weight: niceWeight({ nice: Number(nice), runNice: sample.runNice }) }));
    const attributed = byNice.reduce((sum, { ms }) => sum + ms, 0);
    // What ended between two samples, the kernel's own time and steal are in busyMs only: counted in full.
    counted += Math.min(outside, Math.max(0, outside - attributed) + byNice.reduce((sum, { ms, weight }) => sum + ms * weight, 0));
    yielding += byNice.reduce((sum, { ms, weight }) => sum + (weight < 1 ? ms : 0), 0);
    capacity += sample.busyMs + sample.idleMs;
    run += sample.runMs;
  }
  const share = (ms: number) => (capacity > 0 ? round1((ms / capacity) * 100) : 0);
  const figure = share(counted);
  const last = inPhases[inPhases.length - 1] as HostSample;
  const clientOutside = !last.runIncludes.includes('client');
  const harnessOutside = !last.runIncludes.includes('mocks');
  const bound = harnessOutside ? 100 : clientOutside ? Math.min(100, OTHER_WORK_BOUND_PERCENT + round1(100 / last.cores)) : OTHER_WORK_BOUND_PERCENT;
  const nicedText = yielding > 0 ? `; work at a lower priority than the run's (${share(yielding)}%) counted at its scheduler weight` : '';
  const whose = harnessOutside ? "; the stack's containers run outside thap's process tree, so their CPU is in the figure: shown, not judged" : clientOutside ? `; the client was not started by thap (--target), so its CPU is in the figure: the bound is ${OTHER_WORK_BOUND_PERCENT}% plus one core (${round1(100 / last.cores)}%) for it` : '';
  const text = `work outside the run took ${figure}% of the machine's ${last.cores} cores in the baseline and fault phases (the run itself ${share(run)}%${nicedText}; ${inPhases.length} samples)${whose}; bound ${bound}%`;
  if (figure <= bound) return { ...base, passed: true, figure, bound, message: text };
  return { ...base, passed: false, figure, bound, message: `${text}: the machine was busy with other work, so the client's times are not its own` };
}
