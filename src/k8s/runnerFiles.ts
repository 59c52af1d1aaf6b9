import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HarnessError } from '../core/index.ts';
import type { Scenario } from '../scenario/index.ts';
import { k6Inputs, type K6Inputs } from './k6Inputs.ts';

/** Where each runner's init container writes the script and its data (an emptyDir), and k6 reads them. */
export const runnerFilesDir = '/thap';

/** The keys of the small per-scenario ConfigMap: the scenario itself, the digest of the files it yields, a given script. */
export const runConfigKeys = { scenario: 'scenario.resolved.json', digest: 'runner-files.sha256', script: 'script.ts' } as const;

/**
 * The scenario as the runners' init containers and the conductor read it: the resolved scenario (every default
 * filled in, overrides applied), as a run directory's scenario.resolved.json holds it (readScenarioFile.ts).
 */
export function scenarioDocument(scenario: Scenario): string {
  return `${JSON.stringify(scenario, null, 2)}\n`;
}

/** One digest over every file a runner needs (names and contents, in name order). */
export function digestOf(files: Record<string, string>): string {
  const hash = createHash('sha256');
  for (const name of Object.keys(files).sort()) hash.update(`${name}\0${files[name] as string}\0`);
  return `sha256:${hash.digest('hex')}`;
}

/** The script and its data for one scenario, and their digest: what `thap k8s render` promises each runner. */
export function runnerFiles({ scenario, script }: { scenario: Scenario; script?: string }): K6Inputs & { digest: string } {
  const inputs = k6Inputs({ scenario, ...(script === undefined ? {} : { script }) });
  return { ...inputs, digest: digestOf({ ...inputs.scriptFiles, ...inputs.dataFiles }) };
}

/**
 * The init container's job (`thap k8s prepare`): generates the script and its data from the scenario's seed
 * into `out`, as `thap run` writes them into a run directory. With `expectDigest` (from the render), data that
 * differs from what was rendered (another thap version in the image) is refused before k6 runs on it.
 */
export async function writeRunnerFiles({ scenario, script, out, expectDigest }: { scenario: Scenario; script?: string; out: string; expectDigest?: string }): Promise<{ files: string[]; digest: string }> {
  const files = runnerFiles({ scenario, ...(script === undefined ? {} : { script }) });
  if (expectDigest !== undefined && expectDigest !== files.digest) {
    throw new HarnessError(
      `the runner files generated from scenario ${scenario.name} (seed ${scenario.seed}) have digest ${files.digest}, not the rendered ${expectDigest}: the thap image differs from the thap that rendered the manifests; fix: render again with this image's thap, or run the image of the rendering thap (--image)`,
      { code: 'THAP_K8S_DIGEST' },
    );
  }
  await mkdir(out, { recursive: true });
  const all = { ...files.scriptFiles, ...files.dataFiles };
  for (const [name, content] of Object.entries(all)) await writeFile(join(out, name), content);
  return { files: Object.keys(all).sort(), digest: files.digest };
}
