import { HarnessError } from '../../../core/index.ts';
import { runCommand, type CommandResult } from '../../tools/runCommand.ts';

/** Runs the docker CLI to completion; never throws (see `runCommand`). */
export function docker(args: string[], { timeoutMs = 60_000, cwd, onLine }: { timeoutMs?: number; cwd?: string; onLine?: (line: string) => void } = {}): Promise<CommandResult> {
  return runCommand({ command: 'docker', args, cwd, timeoutMs, onLine });
}

/** Runs the docker CLI and throws a HarnessError (exit 3) naming `what` and docker's last words when it fails. */
export async function dockerOrThrow(what: string, args: string[], options: Parameters<typeof docker>[1] = {}): Promise<string> {
  const result = await docker(args, options);
  if (result.code === 0) return result.stdout;
  const said = `${result.stderr}\n${result.stdout}`.trim().split('\n').slice(-6).join(' | ');
  throw new HarnessError(`${what} failed (\`docker ${args.slice(0, 2).join(' ')} ...\`: ${result.error ?? `exit ${result.code}`}): ${said}`, { code: 'THAP_DOCKER_COMMAND' });
}

/** The image's `thap.stand-in` label (what a stand-in was built from); undefined when absent or not a stand-in. */
export async function inspectImage(name: string): Promise<{ present: boolean; standIn?: string }> {
  const result = await docker(['image', 'inspect', '--format', '{{ index .Config.Labels "thap.stand-in" }}', name], { timeoutMs: 20_000 });
  if (result.code !== 0) return { present: false };
  const label = result.stdout.trim();
  return { present: true, ...(label && label !== '<no value>' ? { standIn: label } : {}) };
}
