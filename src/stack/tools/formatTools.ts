import type { ToolInfo } from './types.ts';

/** One aligned line per tool: `k6         2.2.0   /root/.cache/thap/bin/k6  (cache)`. */
export function formatToolTable(tools: ToolInfo[]): string {
  const nameWidth = Math.max(...tools.map((tool) => tool.name.length)) + 2;
  const versionWidth = Math.max(...tools.map((tool) => tool.version.length)) + 2;
  return tools.map((tool) => `${tool.name.padEnd(nameWidth)}${tool.version.padEnd(versionWidth)}${tool.path}  (${tool.source})`).join('\n');
}
