import { HarnessError } from '../errors.ts';
import { buildLoad } from '../load/buildLoad.ts';
import { k6Script } from '../load/k6Script.ts';
import type { Scenario } from '../scenario/schema.ts';

export interface K6Inputs {
  script: string;
  /** Files the script `open()`s, by name, beside it in /test/. */
  dataFiles: Record<string, string>;
  /** `__ENV.X` names the script reads. */
  envRead: string[];
}

/** The names a script reads from `__ENV` and the files it `open()`s (relative to itself). */
export function scanScript(script: string): { envRead: string[]; opened: string[] } {
  const envRead = [...new Set([...script.matchAll(/__ENV\.([A-Za-z0-9_]+)/g)].map((match) => match[1] as string))];
  const opened = [...new Set([...script.matchAll(/open\(\s*['"]\.\/([^'"]+)['"]\s*\)/g)].map((match) => match[1] as string))];
  return { envRead, opened };
}

/**
 * The k6 script and its data for a scenario, from the load engine (src/load: `buildLoad`, `k6Script`),
 * as `thap run` writes them into a run directory. A script given by the user replaces the generated one
 * and must bring no data files.
 */
export function k6Inputs({ scenario, script: given }: { scenario: Scenario; script?: string }): K6Inputs {
  const load = buildLoad(scenario);
  const script = given ?? k6Script({ options: { scenarios: load.scenarios, setupTimeout: '30s', summaryTrendStats: ['avg', 'p(50)', 'p(95)', 'p(99)', 'max'] } });
  const { envRead, opened } = scanScript(script);
  const known: Record<string, () => string> = { 'visits.json': () => JSON.stringify({ series: load.series }) };
  const dataFiles: Record<string, string> = {};
  for (const file of opened) {
    const produce = known[file];
    if (!produce) {
      throw new HarnessError(`the k6 script opens ./${file}, which thap k8s render does not know how to produce; fix: ${given ? 'use a script without data files' : 'this is a thap bug, please report it'}`, {
        code: 'THAP_K8S_SCRIPT',
      });
    }
    dataFiles[file] = produce();
  }
  return { script, dataFiles, envRead };
}
