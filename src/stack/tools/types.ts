import type { ToolName } from './pins.ts';

export type { ToolName };

/** Where a tool was found: an explicit flag, its env variable, PATH, thap's cache, or a fresh build. */
export type ToolSource = 'flag' | 'env' | 'path' | 'cache' | 'built';

export interface ToolInfo {
  name: ToolName;
  /** Absolute path of the binary. */
  path: string;
  /** Version the binary reports, without a leading `v` (`unknown` when it reports none). */
  version: string;
  source: ToolSource;
}

/** Options shared by `locateTool` and `ensureTools`. */
export interface ToolLookupOptions {
  /** Explicit k6 binary (the `--k6` flag); wins over THAP_K6_PATH. */
  k6Path?: string;
  /** Explicit Toxiproxy server binary (the `--toxiproxy` flag); wins over THAP_TOXIPROXY_PATH. */
  toxiproxyPath?: string;
  /** Cache directory (the `--cache-dir` flag); else THAP_CACHE_DIR, $XDG_CACHE_HOME/thap, ~/.cache/thap. */
  cacheDir?: string;
  /** Environment to read PATH and the THAP_* variables from; defaults to `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Receives one human-readable line per step (lookups skipped, build phases, heartbeats). */
  onProgress?: (line: string) => void;
}
