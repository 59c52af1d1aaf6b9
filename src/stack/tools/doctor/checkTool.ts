import { locateTool } from '../locateTool.ts';
import { toolPins, type ToolName } from '../pins.ts';
import type { ToolLookupOptions } from '../types.ts';
import type { DoctorCheck } from './types.ts';

/** Looks for k6 or Toxiproxy the way `thap run` will (never builds); notes from the lookup go in `detail`. */
export async function checkTool({ name, options = {} }: { name: ToolName; options?: ToolLookupOptions }): Promise<DoctorCheck> {
  const pin = toolPins[name];
  const notes: string[] = [];
  const fix = `run \`thap tools install\` (builds ${pin.binary} ${pin.version} with Go), or pass ${pin.flag} PATH / set ${pin.envVar}`;
  try {
    const tool = await locateTool({ name, ...options, onProgress: (line) => notes.push(line) });
    if (!tool) {
      return { name, required: false, status: 'missing', detail: notes.join('; ') || undefined, disables: pin.purpose, fix };
    }
    const status = tool.version === pin.version ? 'ok' : 'wrong-version';
    return {
      name,
      required: false,
      status,
      version: tool.version,
      path: tool.path,
      detail: [`from ${tool.source}`, ...notes].join('; '),
      ...(status === 'ok' ? {} : { disables: `results comparable with other runs (thap is pinned to ${pin.version})`, fix }),
    };
  } catch (error) {
    return { name, required: false, status: 'missing', detail: (error as Error).message, disables: pin.purpose, fix };
  }
}
