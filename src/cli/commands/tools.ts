import { Command } from 'commander';
import { z } from 'zod';
import { HarnessError } from '../../core/index.ts';
import { defineOptions } from '../options/defineOptions.ts';
import { text } from '../options/optionValues.ts';
import { ensureTools, locateTool, toolNames, type ToolInfo } from '../../stack/tools/index.ts';
import { formatToolTable } from '../../stack/index.ts';

const toolOptions = {
  k6: { flags: '--k6 <path>', description: 'use this k6 binary (else THAP_K6_PATH, PATH, the cache, or build)', schema: text('the path of a k6 binary').optional() },
  toxiproxy: { flags: '--toxiproxy <path>', description: 'use this toxiproxy-server binary (else THAP_TOXIPROXY_PATH, PATH, the cache, or build)', schema: text('the path of a toxiproxy-server binary').optional() },
  cacheDir: { flags: '--cache-dir <dir>', description: 'cache directory (else THAP_CACHE_DIR, $XDG_CACHE_HOME/thap, ~/.cache/thap)', schema: text('a cache directory').optional() },
  json: { flags: '--json', description: 'print JSON', schema: z.boolean().default(false) },
};
const installOptions = defineOptions('tools install', toolOptions);
const pathOptions = defineOptions('tools path', toolOptions);

type ToolsOptions = ReturnType<typeof installOptions.parse>;

function lookupOptions(options: ToolsOptions) {
  return {
    k6Path: options.k6,
    toxiproxyPath: options.toxiproxy,
    cacheDir: options.cacheDir,
    onProgress: (line: string) => process.stderr.write(`${line}\n`),
  };
}

function show(tools: ToolInfo[], json: boolean): void {
  process.stdout.write(json ? `${JSON.stringify(Object.fromEntries(tools.map((tool) => [tool.name, tool])), null, 2)}\n` : `${formatToolTable(tools)}\n`);
}

/** `thap tools install|path`: find or build the pinned k6 and Toxiproxy server (docs/tools.md). */
export function toolsCommand(): Command {
  const install = installOptions
    .addTo(new Command('install').description('find k6 and toxiproxy-server at the pinned versions, building them with Go if missing'))
    .action(async (raw: unknown) => {
      const options = installOptions.parse(raw);
      const tools = await ensureTools(lookupOptions(options));
      show([tools.k6, tools.toxiproxy], options.json);
    });
  const where = pathOptions
    .addTo(new Command('path').description('print where k6 and toxiproxy-server are, without building anything'))
    .action(async (raw: unknown) => {
      const options = pathOptions.parse(raw);
      const found: ToolInfo[] = [];
      for (const name of toolNames) {
        const tool = await locateTool({ name, ...lookupOptions(options) });
        if (!tool) throw new HarnessError(`${name} not found at the pinned version; fix: run \`thap tools install\``, { code: 'THAP_TOOL_MISSING' });
        found.push(tool);
      }
      show(found, options.json);
    });
  return new Command('tools').description('provision the external tools thap drives (k6, Toxiproxy)').addCommand(install).addCommand(where);
}
