import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Scenario } from '../scenario/index.ts';
import { buildLoad, type Load } from './buildLoad.ts';
import { k6Script } from './k6Script.ts';
import { seriesNames } from '../traffic/index.ts';

export interface PreparedK6 {
  /** The script (`script.ts`), options embedded. */
  script: string;
  /** The data files (`visits-<series>.json`) the script reads through SharedArray, one per series. */
  visits: Record<string, string>;
  load: Load;
}

/** Everything k6 needs for a scenario, as file contents: used by `thap run` and `thap k8s render` alike. */
export function prepareK6({ scenario, load = buildLoad(scenario) }: { scenario: Scenario; load?: Load }): PreparedK6 {
  const options = {
    scenarios: load.scenarios,
    setupTimeout: '30s',
    summaryTrendStats: ['avg', 'p(50)', 'p(95)', 'p(99)', 'max'],
  };
  const visits = Object.fromEntries(seriesNames.map((series) => [`visits-${series}.json`, JSON.stringify(load.series[series] ?? [])]));
  const slipsNeeded = (['lab', 'collection', 'report', 'consignment', 'result'] as const).some((series) => (load.series[series]?.length ?? 0) > 0);
  return { script: k6Script({ options, slipsNeeded }), visits, load };
}

/** Writes `script.ts` and the visit files into a directory; returns the script's path. */
export async function writeK6Files({ dir, prepared }: { dir: string; prepared: PreparedK6 }): Promise<string> {
  for (const [name, content] of Object.entries(prepared.visits)) await writeFile(join(dir, name), content);
  const scriptFile = join(dir, 'script.ts');
  await writeFile(scriptFile, prepared.script);
  return scriptFile;
}

/** The environment the script reads (besides K6_* settings). */
export function k6ScriptEnv({ target, harnessUrl, requestTimeoutMs, regionTargets }: {
  target: string;
  harnessUrl?: string;
  requestTimeoutMs: number;
  /** With client regions: each region's client URL (THAP_TARGETS); visits of a region go there. */
  regionTargets?: Record<string, string>;
}): Record<string, string> {
  // THAP_TARGETS is always set (`{}` without regions: every visit goes to THAP_TARGET), so every variable the
  // script reads has a value wherever it runs (thap k8s render checks that).
  return { THAP_TARGET: target, THAP_TARGETS: JSON.stringify(regionTargets ?? {}), THAP_HARNESS_URL: harnessUrl ?? '', THAP_REQUEST_TIMEOUT: `${requestTimeoutMs}ms` };
}
