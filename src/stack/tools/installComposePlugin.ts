import { lstatSync, mkdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureTool } from './ensureTools.ts';
import type { ToolInfo, ToolLookupOptions } from './types.ts';

/** Where the docker CLI looks for its plugins: `$DOCKER_CONFIG/cli-plugins`, else ~/.docker/cli-plugins. */
export function cliPluginsDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env.DOCKER_CONFIG ?? path.join(env.HOME ?? os.homedir(), '.docker'), 'cli-plugins');
}

/**
 * `thap tools install --compose`: Docker Compose at its pin, built from its Go module into thap's cache like
 * k6 (~4 min on 2 cores), and linked as the docker CLI plugin so that `docker compose` answers.
 */
export async function installComposePlugin(options: ToolLookupOptions = {}): Promise<ToolInfo & { plugin: string }> {
  const tool = await ensureTool({ name: 'compose', ...options });
  const plugin = path.join(cliPluginsDir(options.env), 'docker-compose');
  const current = (() => {
    try {
      return lstatSync(plugin).isSymbolicLink() ? readlinkSync(plugin) : 'a file';
    } catch {
      return undefined;
    }
  })();
  if (current !== tool.path) {
    mkdirSync(path.dirname(plugin), { recursive: true });
    rmSync(plugin, { force: true });
    symlinkSync(tool.path, plugin);
  }
  return { ...tool, plugin };
}
