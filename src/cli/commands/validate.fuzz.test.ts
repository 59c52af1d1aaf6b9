import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { createRng, type Rng } from '../../../mocks/shared/rng.ts';
import { runCliInProcess } from '../../../test/support/runCliInProcess.ts';
import { validateCommand } from './validate.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const DOCUMENTS = 1000;
const SPAWNED = 40;

/** Values that break careless validation: wrong types, bounds, odd strings, huge and deep things. */
const hostileValues: unknown[] = [
  null, true, 0, -1, 1.5, 1e308, -1e308, 2 ** 31, 2 ** 53 + 1, '', ' ', 'NaN', 'Infinity', '-0', '25:00', '09:99', '0m', '-5m',
  '99999999h', '1e9s', '\u0000', '\u202e', 'ठप', 'x'.repeat(10_000), '__proto__', 'constructor', '{{}}', '*', '!!js/function', [], {},
  [[[[[[[[[[]]]]]]]]]], { __proto__: { polluted: true } }, { constructor: { prototype: { polluted: true } } },
];

/** Text fragments that break careless YAML handling. */
const hostileText = ['\u0000', '\t', '\r', '\ufeff', '{', '[', ']', ': ', '- ', '&a ', '*a', '<<: *a', '!!binary ', '!!js/regexp /x/', '%YAML 1.2\n', '---\n', '...\n', '"', "'", '#', '|', '>', '? ', '@', '`'];

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

/** Every leaf path of a parsed document. */
function paths(value: unknown, prefix: PropertyKey[] = []): PropertyKey[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((item, index) => [index, item] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, item]) => paths(item, [...prefix, key]))];
}

function setAt(document: unknown, path: PropertyKey[], value: unknown, remove = false): unknown {
  if (path.length === 0) return value;
  const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown>)[key], document) as Record<PropertyKey, unknown>;
  const key = path.at(-1)!;
  if (remove) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else parent[key] = value;
  return document;
}

/** One seeded mutation of a scenario's text: in its structure (a field replaced, removed or added) or in its bytes. */
function mutate(rng: Rng, text: string): string {
  const roll = rng();
  if (roll < 0.55) {
    let document = parse(text) as unknown;
    for (let edits = 1 + Math.floor(rng() * 3); edits > 0; edits--) {
      const target = pick(rng, paths(document));
      const kind = rng();
      if (kind < 0.6) document = setAt(document, target, structuredClone(pick(rng, hostileValues)));
      else if (kind < 0.85 && target.length > 0) document = setAt(document, target, undefined, true);
      else if (document && typeof document === 'object' && !Array.isArray(document)) (document as Record<string, unknown>)[pick(rng, ['unknownField', 'fault', 'gate', 'Faults', 'clock ', '__proto__'])] = pick(rng, hostileValues);
    }
    return stringify(document ?? null);
  }
  const lines = text.split('\n');
  const at = Math.floor(rng() * lines.length);
  if (roll < 0.65) lines.splice(at, 1);
  else if (roll < 0.72) lines.splice(at, 0, lines[Math.floor(rng() * lines.length)]!);
  else if (roll < 0.8) lines[at] = ` ${lines[at]}`;
  else if (roll < 0.9) {
    const line = lines[at]!;
    const column = Math.floor(rng() * (line.length + 1));
    lines[at] = `${line.slice(0, column)}${pick(rng, hostileText)}${line.slice(column)}`;
  } else if (roll < 0.95) return text.slice(0, Math.floor(rng() * text.length));
  else return pick(rng, ['', '---', '- 1\n- 2', 'just text', `${'['.repeat(5000)}${']'.repeat(5000)}`, `a: &a [${'x,'.repeat(50)}]\n${Array.from({ length: 20 }, (_, i) => `b${i}: [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]`).join('\n')}`]);
  return lines.join('\n');
}

let dir: string;
let seeds: string[];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'thap-validate-fuzz-'));
  const shipped = [
    ...(await readdir(join(root, 'scenarios'))).map((name) => join(root, 'scenarios', name)),
    ...(await readdir(join(root, 'test/scenarios'))).map((name) => join(root, 'test/scenarios', name)),
  ].filter((file) => file.endsWith('.yaml'));
  seeds = await Promise.all(shipped.map((file) => readFile(file, 'utf8')));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe(`fuzz: ${DOCUMENTS} mutated scenario documents through thap validate (seeded)`, () => {
  it('every one exits 0, or 2 with a message naming the file and no stack; the real CLI agrees on a sample', { timeout: 120_000 }, async () => {
    const rng = createRng(2026);
    const outcomes = { valid: 0, invalid: 0 };
    const files: string[] = [];
    for (let i = 0; i < DOCUMENTS; i++) {
      const file = join(dir, `mutant-${i}.yaml`);
      await writeFile(file, mutate(rng, pick(rng, seeds)));
      files.push(file);
      const result = await runCliInProcess({ command: validateCommand, args: ['validate', file] });
      const context = `${file}: ${result.stderr.slice(0, 400)}`;
      expect([0, 2], context).toContain(result.code);
      if (result.code === 0) {
        outcomes.valid++;
        expect(result.stdout, context).toMatch(/^ok {2}/);
      } else {
        outcomes.invalid++;
        expect(result.stderr, context).toMatch(/^thap: /);
        expect(result.stderr, context).toContain(`mutant-${i}.yaml`);
        expect(result.stderr, context).not.toMatch(/internal error|\n\s+at /);
      }
    }
    expect(outcomes.invalid).toBeGreaterThan(DOCUMENTS / 2);
    expect(outcomes.valid).toBeGreaterThan(0);

    const sample = files.filter((_, i) => i % Math.floor(DOCUMENTS / SPAWNED) === 0);
    const real = spawnSync(process.execPath, [join(root, 'bin/thap.js'), 'validate', ...sample], { encoding: 'utf8', timeout: 60_000 });
    expect([0, 2]).toContain(real.status);
    expect(real.stderr).not.toMatch(/internal error|\n\s+at /);
    for (const file of sample) expect(`${real.stdout}${real.stderr}`).toContain(file);
  });
});
