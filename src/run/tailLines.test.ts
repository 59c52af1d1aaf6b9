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

describe('LineTail with startsWith', () => {
  it('hands over only the lines that begin with the prefix, complete ones only, across reads and slices', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'thap-tail-')), 'k6.csv');
    const seen: string[] = [];
    const tail = new LineTail(file, (line) => seen.push(line), { startsWith: 'thap_outcome,' });
    await appendFile(file, 'thap_outcome,1,outcome=ok\nhttp_reqs,1\nhttp_req_duration,2,thap_outcome,x\nthap_outc');
    await tail.read();
    expect(seen).toEqual(['thap_outcome,1,outcome=ok']);
    // The unfinished line is completed by the next append and then matches.
    await appendFile(file, 'ome,2,outcome=failed\nxthap_outcome,3\nthap_outcome,4');
    await tail.read();
    expect(seen).toEqual(['thap_outcome,1,outcome=ok', 'thap_outcome,2,outcome=failed']);
    await appendFile(file, ',outcome=ok\n');
    await tail.read();
    expect(seen).toEqual(['thap_outcome,1,outcome=ok', 'thap_outcome,2,outcome=failed', 'thap_outcome,4,outcome=ok']);
  });

  it('finds every matching line in a file larger than one read slice (1 MiB), multi-byte text included', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'thap-tail-')), 'big.csv');
    const rows: string[] = [];
    for (let i = 0; i < 60_000; i++) rows.push(i % 7 === 0 ? `thap_outcome,${i},नाम` : `http_req_duration,${i},tag=value,other=${'x'.repeat(i % 13)}`);
    await appendFile(file, `${rows.join('\n')}\n`);
    const seen: string[] = [];
    const all: string[] = [];
    await new LineTail(file, (line) => seen.push(line), { startsWith: 'thap_outcome,' }).read();
    await new LineTail(file, (line) => all.push(line)).read();
    expect(seen).toEqual(rows.filter((row) => row.startsWith('thap_outcome,')));
    expect(all).toEqual(rows);
  });
});
