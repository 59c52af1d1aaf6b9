import { HarnessError } from '../../core/index.ts';
import { buildTool } from './buildTool.ts';
import { cacheBinDir, resolveCacheDir } from './cacheDir.ts';
import { findGo, type GoInfo } from './findGo.ts';
import { locateInCache, locateTool } from './locateTool.ts';
import { compareVersions } from './parseVersion.ts';
import { toolNames, toolPins, type ToolName } from './pins.ts';
import type { ToolInfo, ToolLookupOptions } from './types.ts';
import { withCacheLock } from './withCacheLock.ts';

export type EnsuredTools = Record<ToolName, ToolInfo>;

function fixFor(names: ToolName[]): string {
  return names.map((name) => `pass ${toolPins[name].flag} PATH (or set ${toolPins[name].envVar}) to a ${toolPins[name].binary} ${toolPins[name].version} binary`).join(', or ');
}

/**
 * Finds k6 and the Toxiproxy server at their pinned versions, building what is missing. Lookup order per
 * tool (see `locateTool`): explicit path (flag, env), PATH, cache; then a build from the Go module into
 * `<cache>/bin/` under a lock file, so parallel processes build once and the others wait and reuse it.
 * Idempotent: once built, a second call reads the cache stamps and executes nothing heavy.
 *
 * Errors: UserError for an explicit path that does not exist; HarnessError when a build is needed and Go
 * is missing or too old, or the build fails (each says how to fix it).
 */
export async function ensureTools(options: ToolLookupOptions = {}): Promise<EnsuredTools> {
  return (await ensureNamed({ names: toolNames, options })) as EnsuredTools;
}

/** `ensureTools` for one tool only (a suite that needs Toxiproxy but not k6 never builds k6). */
export async function ensureTool({ name, ...options }: ToolLookupOptions & { name: ToolName }): Promise<ToolInfo> {
  const found = await ensureNamed({ names: [name], options });
  return found[name] as ToolInfo;
}

async function ensureNamed({ names, options }: { names: readonly ToolName[]; options: ToolLookupOptions }): Promise<Partial<EnsuredTools>> {
  const found: Partial<EnsuredTools> = {};
  for (const name of names) found[name] = await locateTool({ name, ...options });
  const missing = names.filter((name) => !found[name]);
  if (missing.length === 0) return found;

  const env = options.env ?? process.env;
  const cacheDir = resolveCacheDir(options);
  const go = await findGo({ env });
  const wanted = missing.map((name) => `${name} ${toolPins[name].version}`).join(' and ');
  if (!go) {
    throw new HarnessError(
      `${wanted} not found (not on PATH, not in ${cacheBinDir(cacheDir)}) and Go is not installed to build ${missing.length > 1 ? 'them' : 'it'}; ` +
        `fix: install Go ${maxMinGo(missing)}+ (https://go.dev/dl/) and run \`thap tools install\`, or ${fixFor(missing)}`,
      { code: 'THAP_TOOL_NO_GO' },
    );
  }
  const needed = maxMinGo(missing);
  // An explicit GOTOOLCHAIN (other than `local`) lets Go fetch a newer toolchain itself: the user opted in.
  const toolchainSwitch = Boolean(env.GOTOOLCHAIN) && env.GOTOOLCHAIN !== 'local';
  if (!toolchainSwitch && go.version !== 'unknown' && compareVersions(go.version, needed) < 0) {
    throw new HarnessError(
      `building ${wanted} needs Go ${needed}+, but ${go.path} is Go ${go.version}; ` +
        `fix: install Go ${needed}+ (https://go.dev/dl/), set GOTOOLCHAIN=auto to let Go download it, or ${fixFor(missing)}`,
      { code: 'THAP_TOOL_OLD_GO' },
    );
  }
  await withLockedBuild({ missing, found, go, cacheDir, options });
  return found;
}

function maxMinGo(names: ToolName[]): string {
  return names.map((name) => toolPins[name].minGo).sort(compareVersions).at(-1) ?? '1.25';
}

async function withLockedBuild({
  missing,
  found,
  go,
  cacheDir,
  options,
}: {
  missing: ToolName[];
  found: Partial<EnsuredTools>;
  go: GoInfo;
  cacheDir: string;
  options: ToolLookupOptions;
}): Promise<void> {
  await withCacheLock({
    cacheDir,
    onProgress: options.onProgress,
    fn: async () => {
      for (const name of missing) {
        // Another process may have built it while we waited for the lock.
        found[name] =
          (await locateInCache({ name, options: { ...options, cacheDir } })) ??
          (await buildTool({ name, go, binDir: cacheBinDir(cacheDir), env: options.env, onProgress: options.onProgress }));
      }
    },
  });
}
