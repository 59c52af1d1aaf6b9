import { HarnessError } from '../core/index.ts';
import { k6ScriptEnv, type Load, prepareK6, startHarnessEndpoint, startK6Segments, writeK6Files } from '../load/index.ts';
import type { VendorMapping } from '../contract/index.ts';
import type { Scenario } from '../scenario/index.ts';
import type { CleanupStack, ProcessGuard } from '../stack/index.ts';
import { withTimeout } from '../util/index.ts';
import type { RunRecord } from './runRecord.ts';

export type RunningLoad = Awaited<ReturnType<typeof startK6Segments>> & {
  t0: number;
  /** Resolves when thap's harness endpoint stops serving: with why when teardown did not stop it. */
  endpointEnded: Promise<string | undefined>;
};

/**
 * Writes the k6 script and its data, starts thap's harness endpoint and the real k6 process(es), and waits
 * for t0: the first k6 process to call the endpoint from its `setup()` marks the start of the load.
 */
export async function startLoad({ scenario, load, mapping, k6Binary, segments, clientUrl, regionTargets, phoneUrl, runDir, cleanup, record, race, guard }: {
  scenario: Scenario;
  load: Load;
  /** The client's vendor mapping: the script speaks the vendor's API for the steps it maps. */
  mapping?: VendorMapping;
  k6Binary: string;
  segments: number;
  clientUrl: string;
  /** With client regions: each region's client URL. */
  regionTargets?: Record<string, string>;
  /** The SMS mock's own URL, when the scenario serves `sms`: the patients' phones, where k6 reads OTPs. */
  phoneUrl?: string;
  runDir: string;
  cleanup: CleanupStack;
  record: RunRecord;
  race: <T>(promise: Promise<T>) => Promise<T>;
  guard?: ProcessGuard;
}): Promise<RunningLoad> {
  const scriptFile = await writeK6Files({ dir: runDir, prepared: prepareK6({ scenario, load, ...(mapping ? { mapping } : {}) }) });
  const harness = await startHarnessEndpoint({ cleanup });
  const k6 = await startK6Segments({
    count: segments,
    binary: k6Binary,
    runDir,
    scriptFile,
    env: k6ScriptEnv({ target: clientUrl, harnessUrl: harness.url, requestTimeoutMs: scenario.client.requestTimeout, ...(regionTargets ? { regionTargets } : {}), ...(phoneUrl ? { phoneUrl } : {}) }),
    cleanup,
    ...(guard ? { guard } : {}),
  });
  for (const process of k6.processes) await record.started(process.name, process.pid, [harness.url]);
  const t0 = await race(withTimeout(Promise.race([harness.t0, k6.exited]), 60_000, 'k6 start').catch((error: Error) => error));
  if (typeof t0 !== 'number') {
    throw new HarnessError(`k6 did not start its scenarios: ${t0 instanceof Error ? t0.message : `exited with code ${t0.code}`} (see ${t0 instanceof Error ? k6.logFiles.join(', ') : t0.log})`);
  }
  record.info.t0 = t0;
  await record.save();
  return Object.assign(k6, { t0, endpointEnded: harness.ended });
}
