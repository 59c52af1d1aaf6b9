import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { VendorMapping } from '../contract/index.ts';
import type { Scenario } from '../scenario/index.ts';
import { seriesNames } from '../traffic/index.ts';
import { buildLoad, type Load } from './buildLoad.ts';
import { k6EntryFile, k6ScriptFiles } from './k6ScriptFiles.ts';
import { scriptData } from './scriptData.ts';

/** The file beside the script with every value it reads (src/load/k6/scriptData.ts). */
export const scriptDataFile = 'script-data.json';

export interface PreparedK6 {
  /** The script's source files by name (`script.ts` is the entry), as shipped in src/load/k6. */
  scriptFiles: Record<string, string>;
  /** The files the script opens: `script-data.json` and the visits (`visits-<series>.json`, one per series). */
  dataFiles: Record<string, string>;
  load: Load;
}

/**
 * Everything k6 needs for a scenario, as file contents, all in one directory: used by `thap run` and `thap k8s
 * render` alike. With a vendor mapping the script speaks the vendor's API for the steps it maps.
 */
export function prepareK6({ scenario, load = buildLoad(scenario), mapping }: { scenario: Scenario; load?: Load; mapping?: VendorMapping }): PreparedK6 {
  const visits = Object.fromEntries(seriesNames.map((series) => [`visits-${series}.json`, JSON.stringify(load.series[series] ?? [])]));
  return { scriptFiles: k6ScriptFiles(), dataFiles: { [scriptDataFile]: JSON.stringify(scriptData(load, mapping)), ...visits }, load };
}

/** Writes the script's files and its data into a directory; returns the entry script's path. */
export async function writeK6Files({ dir, prepared }: { dir: string; prepared: PreparedK6 }): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (const [name, content] of Object.entries({ ...prepared.scriptFiles, ...prepared.dataFiles })) await writeFile(join(dir, name), content);
  return join(dir, k6EntryFile);
}

/** The environment the script reads (besides K6_* settings). */
export function k6ScriptEnv({ target, harnessUrl, requestTimeoutMs, regionTargets, phoneUrl }: {
  target: string;
  harnessUrl?: string;
  requestTimeoutMs: number;
  /** The SMS mock's own URL: the patient's phone, where k6 reads OTPs (empty: OTPs are not verified). */
  phoneUrl?: string;
  /** With client regions: each region's client URL (THAP_TARGETS); visits of a region go there. */
  regionTargets?: Record<string, string>;
}): Record<string, string> {
  // THAP_TARGETS is always set (`{}` without regions: every visit goes to THAP_TARGET), so every variable the
  // script reads has a value wherever it runs (thap k8s render checks that).
  return { THAP_TARGET: target, THAP_TARGETS: JSON.stringify(regionTargets ?? {}), THAP_HARNESS_URL: harnessUrl ?? '', THAP_REQUEST_TIMEOUT: `${requestTimeoutMs}ms`, THAP_PHONE_URL: phoneUrl ?? '' };
}
