import { join } from 'node:path';
import type { FaultRecord } from '../reportSchema.ts';
import { readNdjson } from './readNdjson.ts';

/** A fault as faults.ndjson logs it: wall instants only (scoreRun adds their simulated twins). */
export type LoggedFault = Omit<FaultRecord, 'simAppliedAt' | 'simRemovedAt'>;

/**
 * Pairs faults.ndjson's apply and remove lines by faultId into one record per fault, with the ACTUAL times.
 * A fault whose apply failed (`ok: false`) is kept (the report shows it) but has no window. Sorted by apply time.
 */
export async function readFaults({ runDir }: { runDir: string }): Promise<LoggedFault[]> {
  const byId = new Map<string, LoggedFault>();
  await readNdjson({ file: join(runDir, 'faults.ndjson'), optional: true, onObject: (line) => {
      const faultId = String(line.faultId ?? '');
      if (!faultId) return;
      const fault = byId.get(faultId) ?? {
        faultId,
        kind: String(line.kind ?? 'unknown'),
        service: String(line.service ?? 'unknown'),
        describe: String(line.describe ?? ''),
        appliedAt: null,
        removedAt: null,
        ok: true,
      };
      const at = typeof line.actualAt === 'number' ? line.actualAt : typeof line.plannedAt === 'number' ? line.plannedAt : null;
      const drift = typeof line.driftMs === 'number' ? line.driftMs : null;
      if (line.action === 'apply') fault.applyDriftMs = drift;
      else if (line.action === 'remove') fault.removeDriftMs = drift;
      if (line.action === 'apply') {
        if (line.ok === false) {
          fault.ok = false;
          fault.error = String(line.error ?? 'apply failed');
        } else fault.appliedAt = at;
      } else if (line.action === 'remove') {
        fault.removedAt = at;
        if (line.ok === false) fault.error = String(line.error ?? 'remove failed');
      }
      byId.set(faultId, fault);
    },
  });
  return [...byId.values()].sort((a, b) => (a.appliedAt ?? Infinity) - (b.appliedAt ?? Infinity));
}
