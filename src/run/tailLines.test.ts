import { appendFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineTail } from './tailLines.ts';

describe('LineTail', () => {
  it('hands over complete lines only, once each, as the file grows, and waits for a file that is not there yet', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'thap-tail-')), 'growing.csv');
    const seen: string[] = [];
    const tail = new LineTail(file, (line) => seen.push(line));
    await tail.read();
    expect(seen).toEqual([]);
    await appendFile(file, 'a,1\nb,2\nc,');
    await tail.read();
    expect(seen).toEqual(['a,1', 'b,2']);
    await appendFile(file, '3\n');
    await tail.read();
    await tail.read();
    expect(seen).toEqual(['a,1', 'b,2', 'c,3']);
  });
});
