import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forEachLine } from './forEachLine.ts';

describe('forEachLine', () => {
  it('gives every line once, across chunk borders, without CR and with a last line lacking its newline', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'thap-lines-'));
    const lines = Array.from({ length: 30_000 }, (_, i) => `line-${i}-${'x'.repeat(i % 97)}-ä`);
    const file = join(dir, 'f.txt');
    await writeFile(file, `${lines.slice(0, -1).map((l, i) => (i % 2 ? `${l}\r\n` : `${l}\n`)).join('')}${lines.at(-1)}`);
    const seen: string[] = [];
    await forEachLine({ file, onLine: (text, from, to) => seen.push(text.slice(from, to)) });
    await rm(dir, { recursive: true, force: true });
    expect(seen).toEqual(lines);
  });
});
