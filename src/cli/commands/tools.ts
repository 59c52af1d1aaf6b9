import { Command } from 'commander';
import { z } from 'zod';
import { HarnessError } from '../../core/index.ts';
import { defineOptions } from '../options/defineOptions.ts';
import { text } from '../options/optionValues.ts';
import { ensureTools, locateTool, toolNames, type ToolInfo } from '../../stack/tools/index.ts';
import { formatToolTable, installComposePlugin } from '../../stack/tools/index.ts';
import { ensureImages, type ImageResult } from '../../stack/index.ts';

const toolOptions = {
  k6: { flags: '--k6 <path>', description: 'use this k6 binary (else THAP_K6_PATH, PATH, the cache, or build)', schema: text('the path of a k6 binary').optional() },
  toxiproxy: { flags: '--toxiproxy <path>', description: 'use this toxiproxy-server binary (else THAP_TOXIPROXY_PATH, PATH, the cache, or build)', schema: text('the path of a toxiproxy-server binary').optional() },
  cacheDir: { flags: '--cache-dir <dir>', description: 'cache directory (else THAP_CACHE_DIR, $XDG_CACHE_HOME/thap, ~/.cache/thap)', schema: text('a cache directory').optional() },
  json: { flags: '--json', description: 'print JSON', schema: z.boolean().default(false) },
};
const installOptions = defineOptions('tools install', {
  ...toolOptions,
  images: { flags: '--images', description: 'also make every image the container paths use available: pulled, else a stand-in built here (needs Docker)', schema: z.boolean().default(false) },
  compose: { flags: '--compose', description: 'also build Docker Compose from its Go module and link it as the `docker compose` plugin', schema: z.boolean().default(false) },
});
const pathOptions = defineOptions('tools path', toolOptions);

type ToolsOptions = ReturnType<typeof pathOptions.parse>;

function lookupOptions(options: ToolsOptions) {
  return {
    k6Path: options.k6,
    toxiproxyPath: options.toxiproxy,
    cacheDir: options.cacheDir,
    onProgress: (line: string) => process.stderr.write(`${line}\n`),
  };
}

function show(tools: ToolInfo[], json: boolean, images?: ImageResult[]): void {
  if (json) {
    process.stdout.write(`${JSON.stringify({ ...Object.fromEntries(tools.map((tool) => [tool.name, tool])), ...(images ? { images } : {}) }, null, 2)}\n`);
    return;
  }
  process.stdout.write(`${formatToolTable(tools)}\n`);
  if (images) process.stdout.write(`${formatImageTable(images)}\n`);
}

/** One line per image: its name, how it came to be here and, for a stand-in, what it was built from. */
function formatImageTable(images: ImageResult[]): string {
  const width = Math.max(...images.map((image) => image.name.length)) + 2;
  return images.map((image) => `${image.name.padEnd(width)}${image.source}${image.standIn ? ` (stand-in: ${image.standIn})` : ''}`).join('\n');
}

/** `thap tools install|path`: find or build the pinned k6 and Toxiproxy server (docs/tools.md). */
export function toolsCommand(): Command {
  const install = installOptions
    .addTo(new Command('install').description('find k6 and toxiproxy-server at the pinned versions, building them with Go if missing (--images, --compose: the container paths)'))
    .action(async (raw: unknown) => {
      const options = installOptions.parse(raw);
      const lookup = lookupOptions(options);
      const tools = await ensureTools(lookup);
      const compose = options.compose ? [await installComposePlugin(lookup)] : [];
      const images = options.images ? await ensureImages({ tools: lookup, onProgress: lookup.onProgress }) : undefined;
      show([tools.k6, tools.toxiproxy, ...compose], options.json, images);
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
