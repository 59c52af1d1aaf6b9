import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../../../test/support/runCliInProcess.ts';
import { generateCommand } from './generate.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'thap-generate-'));

/** `thap generate ...` in this process, with the real top-level error handler. */
const thap = (args: string[]) => runCliInProcess({ command: generateCommand, args });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('thap generate', () => {
  it('--list shows one line per profile', async () => {
    const { code, stdout } = await thap(['generate', '--list']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual(['T1', 'T2', 'T3', 'T4', 'T5']);
    expect(lines[3]).toMatch(/samples/);
  });

  it.each(['T1', 'T2', 'T3', 'T5'])('writes %s patients as NDJSON, the same bytes for the same seed', async (profile) => {
    const a = path.join(dir, `${profile}-a.ndjson`);
    const b = path.join(dir, `${profile}-b.ndjson`);
    expect((await thap(['generate', '--profile', profile, '--patients', '300', '--seed', '7', '--out', a])).code).toBe(0);
    expect((await thap(['generate', '--profile', profile, '--patients', '300', '--seed', '7', '--out', b])).code).toBe(0);
    const text = readFileSync(a, 'utf8');
    expect(readFileSync(b, 'utf8')).toBe(text);
    const records = text.trim().split('\n').map((l) => JSON.parse(l) as { id: string; profile: string });
    expect(records).toHaveLength(300);
    expect(records.every((r) => r.profile === profile)).toBe(true);
  });

  it('writes T4 samples as CSV with a header, and JSON as one array', async () => {
    const csv = path.join(dir, 't4.csv');
    expect((await thap(['generate', '--profile', 'T4', '--samples', '250', '--seed', '3', '--out', csv])).code).toBe(0);
    const rows = parse(readFileSync(csv), { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(250);
    expect(rows[0]!.id).toBe('sm-0000001');
    expect(rows.every((r) => /^2[0-8]\d{4}$/.test(r.pin!))).toBe(true);
    const json = await thap(['generate', '--profile', 'T4', '--samples', '20', '--seed', '3', '--format', 'json']);
    const array = JSON.parse(json.stdout) as Array<{ id: string; pin: string }>;
    expect(array).toHaveLength(20);
    expect(array.map((r) => r.pin)).toEqual(rows.slice(0, 20).map((r) => r.pin));
  });

  it('changes the output with the seed', async () => {
    const one = await thap(['generate', '--profile', 'T1', '--patients', '5', '--seed', '1']);
    const two = await thap(['generate', '--profile', 'T1', '--patients', '5', '--seed', '2']);
    expect(one.stdout).not.toBe(two.stdout);
  });

  it.each([
    [['--profile', 'T9'], /unknown traffic profile "T9"; known profiles: T1, T2, T3, T4, T5/],
    [['--profile', 'T1', '--patients', '0'], /^thap: generate --patients "0": must be a whole number 1 or more\n$/],
    [['--profile', 'T1', '--patients', '-5'], /^thap: generate --patients "-5": must be a whole number 1 or more\n$/],
    [['--profile', 'T1', '--speed', '0'], /^thap: generate --speed "0": must be a number 1 or more and at most 86400\n$/],
    [['--profile', 'T1', '--speed', '1e9'], /--speed "1e9": must be a number 1 or more/],
    [['--profile', 'T1', '--samples', '10'], /T1 generates patients: use --patients/],
    [['--profile', 'T1', '--format', 'xml'], /^thap: generate --format "xml": must be one of ndjson, json, csv\n$/],
    [[], /^thap: generate --profile: is required \(see `thap generate --list`\)\n$/],
    [['--profile', 'T2', '--variant', 'friday'], /"friday" is not one of monday, post-holiday/],
  ])('exits 2 on %j, saying what is allowed', async (args, message) => {
    const { code, stderr } = await thap(['generate', ...args]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
