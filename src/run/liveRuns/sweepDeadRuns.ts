import { endProcessGroups, removeLabelledContainers } from '../../stack/lifeline/index.ts';
import { ownerAlive, readLiveRuns, removeLiveRun, type LiveRunRecord } from './liveRunRecord.ts';
import { markKilledRun } from './markKilledRun.ts';

export interface SweptRun {
  runId: string;
  runDir: string;
  /** Process groups that were still alive and were ended (`name (pid)`). */
  ended: string[];
  containers: string[];
  /** Proxies removed from a Toxiproxy server that was still answering. */
  proxies: string[];
  /** run.json went from `running` to `interrupted` (killed). */
  marked: boolean;
}

async function removeProxies(proxies: LiveRunRecord['proxies']): Promise<string[]> {
  const removed: string[] = [];
  for (const { apiUrl, name } of proxies) {
    const response = await fetch(`${apiUrl}/proxies/${encodeURIComponent(name)}`, { method: 'DELETE', signal: AbortSignal.timeout(1_000) }).catch(() => undefined);
    if (response?.ok) removed.push(`${name} at ${apiUrl}`);
  }
  return removed;
}

/**
 * Finds the live-run records whose thap is gone (killed, crashed) and undoes what each left: ends its process
 * groups that are still the same processes, removes its labelled containers and any of its proxies on a
 * Toxiproxy that still answers, marks its run.json interrupted (killed), and removes the record. Runs whose
 * thap is alive are left alone. `by` says who cleaned up, for run.json's events.
 */
export async function sweepDeadRuns({ runsDir, by, graceMs = 1_000 }: { runsDir: string; by: string; graceMs?: number }): Promise<SweptRun[]> {
  const swept: SweptRun[] = [];
  for (const record of readLiveRuns(runsDir)) {
    if (ownerAlive(record)) continue;
    const ended = await endProcessGroups({ processes: record.processes, graceMs });
    const containers = record.containers ? await removeLabelledContainers({ runId: record.runId }) : [];
    const proxies = await removeProxies(record.proxies);
    const marked = await markKilledRun({ runDir: record.runDir, by });
    removeLiveRun(runsDir, record.runId);
    swept.push({ runId: record.runId, runDir: record.runDir, ended, containers, proxies, marked });
  }
  return swept;
}

/** One line per swept run: what was left and what was done about it. */
export function describeSweep(run: SweptRun): string {
  const undone = [
    run.ended.length ? `ended ${run.ended.join(', ')}` : 'no process was left',
    ...(run.containers.length ? [`removed containers ${run.containers.join(', ')}`] : []),
    ...(run.proxies.length ? [`removed proxies ${run.proxies.join(', ')}`] : []),
    ...(run.marked ? ['run.json marked interrupted (killed)'] : []),
  ];
  return `run ${run.runId} (${run.runDir}) was killed: ${undone.join('; ')}`;
}
