import { HarnessError } from '../core/index.ts';
import { k6EntryFile, prepareK6 } from '../load/index.ts';
import type { Scenario } from '../scenario/index.ts';

export interface K6Inputs {
  /** The script by file name: `script.ts` (the entry) and the modules it imports, beside it in /test/. */
  scriptFiles: Record<string, string>;
  /** Files the script `open()`s, by name, beside it in /test/. */
  dataFiles: Record<string, string>;
  /** `__ENV.X` names the script reads. */
  envRead: string[];
}

/** The names a script reads from `__ENV` and the files it `open()`s by a literal name (relative to itself). */
export function scanScript(script: string): { envRead: string[]; opened: string[] } {
  const envRead = [...new Set([...script.matchAll(/__ENV\.([A-Za-z0-9_]+)/g)].map((match) => match[1] as string))];
  const opened = [...new Set([...script.matchAll(/open\(\s*['"]\.\/([^'"]+)['"]\s*\)/g)].map((match) => match[1] as string))];
  return { envRead, opened };
}

/**
 * The k6 script and its data for a scenario, from the load engine (`prepareK6` in src/load), exactly as
 * `thap run` writes them into a run directory. A script given by the user replaces the generated one and
 * may open only the data files thap produces.
 */
export function k6Inputs({ scenario, script: given }: { scenario: Scenario; script?: string }): K6Inputs {
  const prepared = prepareK6({ scenario });
  const produced = prepared.dataFiles;
  const { envRead, opened } = scanScript(given ?? Object.values(prepared.scriptFiles).join('\n'));
  if (!given) return { scriptFiles: prepared.scriptFiles, dataFiles: produced, envRead };
  const dataFiles: Record<string, string> = {};
  for (const file of opened) {
    const content = produced[file];
    if (content === undefined) {
      throw new HarnessError(`the k6 script opens ./${file}, which thap k8s render does not produce (it has: ${Object.keys(produced).join(', ')}); fix: use a script that opens only those`, {
        code: 'THAP_K8S_SCRIPT',
      });
    }
    dataFiles[file] = content;
  }
  return { scriptFiles: { [k6EntryFile]: given }, dataFiles, envRead };
}
