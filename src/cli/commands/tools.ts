import { Command } from 'commander';
import { z } from 'zod';
import { HarnessError } from '../../errors.ts';
import { ensureTools, locateTool, toolNames, type ToolInfo } from '../../stack/tools/index.ts';
import { formatToolTable } from '../../stack/tools/formatTools.ts';

const optionsSchema = z.object({
  k6: z.string().min(1).optional(),
  toxiproxy: z.string().min(1).optional(),
  cacheDir: z.string().min(1).optional(),
  json: z.boolean().optional(),
});

type ToolsOptions = z.infer<typeof optionsSchema>;

function lookupOptions(options: ToolsOptions) {
  return {
    k6Path: options.k6,
    toxiproxyPath: options.toxiproxy,
    cacheDir: options.cacheDir,
    onProgress: (line: string) => process.stderr.write(`${line}\n`),
  };
}

function show(tools: ToolInfo[], json: boolean | undefined): void {
  process.stdout.write(json ? `${JSON.stringify(Object.fromEntries(tools.map((tool) => [tool.name, tool])), null, 2)}\n` : `${formatToolTable(tools)}\n`);
}

function withToolOptions(command: Command): Command {
  return command
    .option('--k6 <path>', 'use this k6 binary (else THAP_K6_PATH, PATH, the cache, or build)')
    .option('--toxiproxy <path>', 'use this toxiproxy-server binary (else THAP_TOXIPROXY_PATH, PATH, the cache, or build)')
    .option('--cache-dir <dir>', 'cache directory (else THAP_CACHE_DIR, $XDG_CACHE_HOME/thap, ~/.cache/thap)')
    .option('--json', 'print JSON');
}

/** `thap tools install|path`: find or build the pinned k6 and Toxiproxy server (docs/tools.md). */
export function toolsCommand(): Command {
  const install = withToolOptions(new Command('install'))
    .description('find k6 and toxiproxy-server at the pinned versions, building them with Go if missing')
    .action(async (raw: unknown) => {
      const options = optionsSchema.parse(raw);
      const tools = await ensureTools(lookupOptions(options));
      show([tools.k6, tools.toxiproxy], options.json);
    });
  const where = withToolOptions(new Command('path'))
    .description('print where k6 and toxiproxy-server are, without building anything')
    .action(async (raw: unknown) => {
      const options = optionsSchema.parse(raw);
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
