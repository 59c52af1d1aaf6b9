import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { findGo } from '../../tools/findGo.ts';
import { runCommand } from '../../tools/runCommand.ts';

/**
 * Where no registry answers, docker/Dockerfile's build reads this machine's caches instead of the
 * registries (the Go stage's GOPROXY=file://, `npm ci --offline`): `docker/offline/gomodcache` (the Go module
 * cache's download tree, checked against the checksum database when the host's `go` fetched it) and
 * `docker/offline/npm-cache` (npm's cache, filled by the host's `npm ci`). Returns the function that removes them.
 */
export async function prepareOfflineInputs({ repoRoot, say }: { repoRoot: string; say: (line: string) => void }): Promise<() => void> {
  const dir = path.join(repoRoot, 'docker/offline');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const go = await findGo();
  const modCache = go ? (await runCommand({ command: go.path, args: ['env', 'GOMODCACHE'] })).stdout.trim() : '';
  const goDownloads = path.join(modCache, 'cache/download');
  if (modCache && existsSync(goDownloads)) cpSync(goDownloads, path.join(dir, 'gomodcache'), { recursive: true });
  const npmCache = (await runCommand({ command: 'npm', args: ['config', 'get', 'cache'] })).stdout.trim();
  if (npmCache && existsSync(path.join(npmCache, '_cacache'))) cpSync(path.join(npmCache, '_cacache'), path.join(dir, 'npm-cache/_cacache'), { recursive: true });
  say(`no registry answered: the build reads this machine's caches (${[existsSync(path.join(dir, 'gomodcache')) && goDownloads, existsSync(path.join(dir, 'npm-cache')) && npmCache].filter(Boolean).join(', ') || 'none found'})`);
  return () => rmSync(dir, { recursive: true, force: true });
}
