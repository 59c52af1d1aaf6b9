import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HarnessError } from '../../core/index.ts';
import type { GoInfo } from './findGo.ts';
import { toolPins, type ToolName, type ToolPin } from './pins.ts';
import { probeToolVersion } from './probeVersion.ts';
import { runCommand, type CommandResult } from './runCommand.ts';
import { writeStamp } from './stamp.ts';
import type { ToolInfo } from './types.ts';

const heartbeatMs = 10_000;

function lastLines(result: CommandResult, count = 15): string {
  const text = `${result.stderr}\n${result.stdout}`.trim().split('\n').slice(-count).join('\n    ');
  return text ? `\n    ${text}` : '';
}

/**
 * Builds one pinned tool from its Go module into `binDir` and stamps its version. It works in a throwaway
 * module (`go install go.k6.io/k6/v2@v2.2.0` fails: the proxy has no version list for k6 v2, see
 * docs/tools.md): `go mod init`, a build-tagged import of the command, `go get PKG@vX`, `go build -o`.
 * The binary is written under a temporary name and renamed, so a half-written file is never found.
 */
export async function buildTool({
  name,
  go,
  binDir,
  env = process.env,
  onProgress,
}: {
  name: ToolName;
  go: GoInfo;
  binDir: string;
  env?: NodeJS.ProcessEnv;
  onProgress?: (line: string) => void;
}): Promise<ToolInfo> {
  const pin: ToolPin = toolPins[name];
  const say = (line: string): void => onProgress?.(`${name}: ${line}`);
  const workDir = mkdtempSync(path.join(os.tmpdir(), `thap-build-${name}-`));
  // GOWORK=off: a go.work of the user's must not pull the throwaway module into a workspace; a user's
  // GOFLAGS=-mod=vendor would fail the build (the throwaway module has no vendor directory).
  const goFlags = [...(env.GOFLAGS ?? '').split(/\s+/).filter((flag) => flag && !flag.startsWith('-mod=')), '-mod=mod'].join(' ');
  const buildEnv: NodeJS.ProcessEnv = { ...env, GOWORK: 'off', GOFLAGS: goFlags };
  const started = Date.now();
  const heartbeat = setInterval(() => say(`still building (${Math.round((Date.now() - started) / 1000)} s)`), heartbeatMs);
  heartbeat.unref();
  const step = async (label: string, args: string[], timeoutMs: number): Promise<void> => {
    say(label);
    const result = await runCommand({
      command: go.path,
      args,
      cwd: workDir,
      env: buildEnv,
      timeoutMs,
      onLine: (line) => {
        if (line.startsWith('go: downloading')) say(line);
      },
    });
    if (result.code !== 0) {
      throw new HarnessError(
        `building ${name} ${pin.version} failed at \`go ${args.join(' ')}\` (${result.error ?? `exit ${result.code}`}):${lastLines(result)}\n` +
          `fix: check that the Go module proxy is reachable (GOPROXY=${env.GOPROXY ?? 'default'}) and Go is ${pin.minGo}+ (found ${go.version}), ` +
          `or pass ${pin.flag} PATH (or set ${pin.envVar}) to a ${pin.binary} ${pin.version} binary`,
        { code: 'THAP_TOOL_BUILD' },
      );
    }
  };
  const target = path.join(binDir, pin.binary);
  const temporary = path.join(binDir, `.${pin.binary}.${process.pid}.tmp`);
  try {
    say(`building ${pin.pkg}@v${pin.version} with Go ${go.version} (takes 20-100 s)`);
    await step('go mod init', ['mod', 'init', 'thap.local/toolbuild'], 60_000);
    writeFileSync(path.join(workDir, 'tools.go'), `//go:build tools\n\npackage tools\n\nimport _ "${pin.pkg}"\n`);
    await step(`go get ${pin.pkg}@v${pin.version}`, ['get', `${pin.pkg}@v${pin.version}`], 10 * 60_000);
    mkdirSync(binDir, { recursive: true });
    const ldflags = ['-s', '-w', pin.ldflags].filter(Boolean).join(' ');
    await step(`go build -o ${target}`, ['build', '-trimpath', `-ldflags=${ldflags}`, '-o', temporary, pin.pkg], 20 * 60_000);
    renameSync(temporary, target);
    const version = await probeToolVersion({ name, binaryPath: target, env });
    if (version !== pin.version) {
      throw new HarnessError(`built ${target} but it reports version ${version ?? 'none'}, expected ${pin.version}; fix: report this as a thap bug`, {
        code: 'THAP_TOOL_BUILD',
      });
    }
    writeStamp({ binaryPath: target, version });
    say(`built ${target} in ${Math.round((Date.now() - started) / 1000)} s`);
    return { name, path: target, version, source: 'built' };
  } finally {
    clearInterval(heartbeat);
    rmSync(workDir, { recursive: true, force: true });
    rmSync(temporary, { force: true });
  }
}
