import type { CalibrationRun, RunBehaviour } from './calibrationRun.ts';
import { failedCheckLines, type CheckLike } from '../../src/scoring/validity/failedCheckLines.ts';

/** The parts of report.json the calibration reads. */
export interface ReportVerdictInput {
  status?: string;
  score?: { total?: number | null; withheld?: string; components?: Array<{ name?: string; points?: number }> };
  gates?: Array<{ expr?: string; passed?: boolean; actual?: unknown }>;
  validity?: { checks?: CheckLike[] };
  versions?: { scoring?: string };
  samples?: { httpRequests?: number };
  nic?: { measured?: boolean; upstreamRequests?: number };
  recovery?: { metastable?: boolean | null };
}

/**
 * What a run's report.json says of the client: its status and score, the gates it failed (`expr` = actual),
 * and, for an `invalid` run, the validity checks that failed and why (the harness's or the machine's fault); each
 * score component's points; what was offered to the client and what it sent NIC.
 */
export function reportVerdict(report: ReportVerdictInput): Pick<CalibrationRun, 'status' | 'score' | 'failedGates' | 'invalidBecause' | 'points' | 'behaviour' | 'scoring'> {
  const failedGates = (report.gates ?? []).filter((gate) => gate.passed === false).map((gate) => `${gate.expr} (actual ${JSON.stringify(gate.actual ?? null)})`);
  const invalidBecause = failedCheckLines(report.validity?.checks);
  const points = Object.fromEntries((report.score?.components ?? []).flatMap((part) => (typeof part.name === 'string' && typeof part.points === 'number' ? [[part.name, part.points]] : [])));
  return {
    status: report.status ?? 'no status',
    score: typeof report.score?.total === 'number' ? report.score.total : null,
    ...(failedGates.length > 0 ? { failedGates } : {}),
    ...(invalidBecause.length > 0 ? { invalidBecause } : {}),
    ...(Object.keys(points).length > 0 ? { points } : {}),
    ...behaviourOf(report),
    ...(report.versions?.scoring !== undefined ? { scoring: report.versions.scoring } : {}),
  };
}

function behaviourOf({ samples, nic, recovery }: ReportVerdictInput): { behaviour?: RunBehaviour } {
  if (typeof samples?.httpRequests !== 'number') return {};
  const requestsToNic = nic?.measured === true && typeof nic.upstreamRequests === 'number' ? nic.upstreamRequests : null;
  return { behaviour: { requestsToClient: samples.httpRequests, requestsToNic, metastable: recovery?.metastable === true } };
}
