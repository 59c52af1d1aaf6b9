import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { entries } from './entries.ts';
import type { BenchRow } from './types.ts';
import { formatTable } from './lib/formatTable.ts';

/**
 * `npm run bench [-- --json] [--out FILE] [--only NAME[,NAME]]`: runs every entry of bench/entries.ts in
 * order and prints one table (or JSON: to stdout with --json, to FILE with --out).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { json: { type: 'boolean' }, out: { type: 'string' }, only: { type: 'string' } } });
  const only = values.only?.split(',').map((name) => name.trim());
  const rows: BenchRow[] = [];
  const ran: Array<{ name: string; description: string }> = [];
  for (const load of entries) {
    const entry = (await load()).default;
    if (only && !only.includes(entry.name)) continue;
    process.stderr.write(`bench: ${entry.name}: ${entry.description}\n`);
    const started = Date.now();
    rows.push(...(await entry.run()));
    ran.push({ name: entry.name, description: entry.description });
    process.stderr.write(`bench: ${entry.name} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
  const report = { at: new Date().toISOString(), node: process.version, entries: ran, rows };
  if (values.out) await writeFile(values.out, `${JSON.stringify(report, null, 2)}\n`);
  if (values.json && !values.out) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(`${formatTable(rows)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
