import { join } from 'node:path';
import { z } from 'zod';
import { readNdjson } from '../runFiles/readNdjson.ts';
import type { RunInfo } from '../runFiles/readRunInfo.ts';
import type { HarnessFailure } from '../runFiles/runJsonFields.ts';
import type { IncidentClock } from '../clock/incidentClock.ts';
import type { HostSample } from './hostSample.ts';
import { parseOrExplain } from './parseOrExplain.ts';
import { readHostSamples } from './readHostSamples.ts';

export type { IncidentClock };

/** One probe of a harness process by thap's monitor (harness.ndjson, docs/run-directory.md; written by src/run/harnessMonitor.ts). */
export interface HarnessProbe {
  t: number;
  target: string;
  ok: boolean;
  latencyMs?: number;
  eventLoopP99Ms?: number;
  error?: string;
}

/** What the validity checks read beyond the scored report: run.json's client and harness fields, harness.ndjson, the plan's traffic, host.ndjson. */
export interface ValidityInputs {
  harnessFailures: HarnessFailure[];
  /** Probes in time order; empty when the run has no harness.ndjson (runs older than the monitor, or no load). */
  probes: HarnessProbe[];
  /** Whether the harness was watched at all: run.json has `harness` or harness.ndjson exists (runs older than the monitor have neither). */
  monitored: boolean;
  /** The client's health check before load: undefined when run.json has none. */
  clientHealthy?: boolean;
  /** When each client process thap started exited mid-run (wall epoch ms). */
  clientExitsAt: number[];
  /** The incident's clock: wall instant w is simulated ms of day `simStartMs + (w - t0) * speed`. */
  clock: IncidentClock;
  /** Visits (k6 iterations) the plan offers, summed over its series; undefined when the plan gives none. */
  plannedVisits?: number;
  /** host.ndjson's samples of the machine's CPU in time order; empty when the run has none. */
  hostSamples: HostSample[];
  /** The run's bound for machine.otherWork, when `thap run --machine-wait-bound` set one (plan.json `scoring`). */
  machineWaitBoundMs?: number;
}

const probeLine = z.looseObject({ t: z.number(), target: z.string(), ok: z.boolean(), latencyMs: z.number().optional(), eventLoopP99Ms: z.number().optional(), error: z.string().optional() });

/**
 * Reads the validity checks' inputs: harness.ndjson, with run.json's client and harness records and the
 * plan's traffic as readRunInfo read them (`info`); `clock` is the incident's clock scoring reads. A malformed field names the file and the field.
 */
export async function readValidityInputs({ runDir, info, clock }: { runDir: string; info: RunInfo; clock: IncidentClock }): Promise<ValidityInputs> {
  const probes: HarnessProbe[] = [];
  const harnessFile = join(runDir, 'harness.ndjson');
  let line = 0;
  const probed = await readNdjson({
    file: harnessFile,
    optional: true,
    onObject: (value) => {
      line += 1;
      probes.push(parseOrExplain(`${harnessFile}:${line}`, probeLine, value));
    },
  });
  probes.sort((a, b) => a.t - b.t);
  return {
    harnessFailures: info.harnessFailures,
    // run.json has no record of the harness in runs older than the monitor; harness.ndjson is the sign of one.
    monitored: probed || info.harnessFailures.length > 0,
    probes,
    ...(info.clientHealth !== undefined ? { clientHealthy: info.clientHealth.ok } : {}),
    clientExitsAt: info.clientExits.map((exit) => exit.at),
    clock,
    ...(info.plannedVisits !== undefined ? { plannedVisits: info.plannedVisits } : {}),
    hostSamples: await readHostSamples({ runDir }),
    ...(info.scoring.machineWaitBoundMs !== undefined ? { machineWaitBoundMs: info.scoring.machineWaitBoundMs } : {}),
  };
}
