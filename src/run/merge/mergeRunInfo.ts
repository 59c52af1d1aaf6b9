import type { RunInfo, RunStatus } from '../runRecord.ts';

/** The part of a run.json that merging reads (docs/run-directory.md). */
export type SourceRunInfo = Partial<Pick<RunInfo, 'runId' | 't0' | 'error' | 'startedAt'>> & { status?: RunStatus; endedAt?: number | null };

/** A run.json like `thap run` writes (RunRecord), ended, with where its parts came from. */
export interface MergedRunInfo extends Omit<RunInfo, 'status' | 'endedAt' | 'drain' | 'client' | 'harness'> {
  status: RunStatus;
  endedAt: number;
  merged: { from: string[]; stackDir: string; files: Array<{ from: string; to: string }> };
}

const SEVERITY = { completed: 0, interrupted: 1, error: 2 } as const;

/**
 * run.json of a merged run: it spans every source (earliest start, latest end), t0 is the earliest t0 (the
 * first runner to start its scenarios, as with segments in one run), and the status is the worst of them
 * (error over interrupted over completed). Sources without a run.json (bare k6-operator runner output) give
 * their sample time span instead (`sampleSpan`).
 */
export function mergeRunInfo({
  runId,
  sources,
  sampleSpan,
  merged,
  now,
}: {
  runId: string;
  sources: Array<{ dir: string; info?: SourceRunInfo }>;
  sampleSpan?: { first: number; last: number };
  merged: MergedRunInfo['merged'];
  now: number;
}): MergedRunInfo {
  const infos = sources.flatMap((source) => (source.info ? [{ dir: source.dir, info: source.info }] : []));
  const starts = [...infos.flatMap(({ info }) => (info.startedAt !== undefined ? [info.startedAt] : [])), ...(sampleSpan ? [sampleSpan.first] : [])];
  const ends = [...infos.flatMap(({ info }) => (info.endedAt != null ? [info.endedAt] : [])), ...(sampleSpan ? [sampleSpan.last] : [])];
  const t0s = infos.flatMap(({ info }) => (info.t0 !== undefined ? [info.t0] : []));
  let status: MergedRunInfo['status'] = 'completed';
  for (const { info } of infos) if (info.status && SEVERITY[info.status] > SEVERITY[status]) status = info.status;
  const errors = infos.flatMap(({ dir, info }) => (info.error ? [`${dir}: ${info.error}`] : []));
  const startedAt = starts.length > 0 ? Math.min(...starts) : now;
  const endedAt = Math.max(startedAt, ...(ends.length > 0 ? ends : [now]));
  return {
    runId,
    status,
    startedAt,
    endedAt,
    ...(t0s.length > 0 ? { t0: Math.min(...t0s) } : {}),
    ...(errors.length > 0 ? { error: errors.join('; ') } : {}),
    processes: [],
    ports: [],
    events: [{ at: now, what: `merged from ${sources.length} runner output${sources.length === 1 ? '' : 's'}: ${sources.map((source) => source.dir).join(', ')}` }],
    merged,
  };
}
