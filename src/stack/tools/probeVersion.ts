import { toolPins, type ToolName } from './pins.ts';
import { findOnPath } from './findOnPath.ts';
import { parseGoBuildInfoVersion, parseToolVersion } from './parseVersion.ts';
import { runCommand } from './runCommand.ts';

/**
 * Asks a binary its version (`k6 version`, `toxiproxy-server -version`). A Toxiproxy built without the
 * release linker flag says `git`; then the Go build info (`go version -m`, when Go is on PATH) gives the
 * module version instead. Undefined when neither tells.
 */
export async function probeToolVersion({
  name,
  binaryPath,
  env = process.env,
}: {
  name: ToolName;
  binaryPath: string;
  env?: NodeJS.ProcessEnv;
}): Promise<string | undefined> {
  const pin = toolPins[name];
  const result = await runCommand({ command: binaryPath, args: pin.versionArgs, env, timeoutMs: 15_000 });
  const reported = parseToolVersion({ name, output: `${result.stdout}\n${result.stderr}` });
  if (reported) return reported;
  const goPath = findOnPath({ name: 'go', env });
  if (!goPath) return undefined;
  const buildInfo = await runCommand({ command: goPath, args: ['version', '-m', binaryPath], env, timeoutMs: 15_000 });
  return buildInfo.code === 0 ? parseGoBuildInfoVersion({ module: pin.module, output: buildInfo.stdout }) : undefined;
}
