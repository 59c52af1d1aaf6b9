import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { writeRecords } from './writeRecords.ts';

/** A sink that takes `delayMs` per write, so back-pressure is exercised, and keeps what it got. */
function slowSink(delayMs: number): { out: Writable; text: () => string } {
  const parts: string[] = [];
  const out = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _encoding, callback) {
      parts.push(chunk.toString());
      setTimeout(callback, delayMs);
    },
  });
  return { out, text: () => parts.join('') };
}

function* rows(n: number): Generator<{ id: string; n: number; note?: string }> {
  for (let i = 0; i < n; i += 1) yield i % 3 === 0 ? { id: `r${i}`, n: i, note: 'a, "b"' } : { id: `r${i}`, n: i };
}

describe('writeRecords', () => {
  it('writes NDJSON, one record a line, through a slow sink, reporting progress', async () => {
    const sink = slowSink(1);
    const progress: number[] = [];
    const n = await writeRecords({ records: rows(5000), format: 'ndjson', out: sink.out, columns: [], onProgress: (w) => progress.push(w), progressEvery: 2048 });
    expect(n).toBe(5000);
    const lines = sink.text().trim().split('\n').map((l) => JSON.parse(l) as { n: number });
    expect(lines.map((l) => l.n)).toEqual([...Array(5000).keys()]);
    expect(progress).toEqual([2048, 4096, 5000]);
  });

  it('writes JSON as one array, also when empty', async () => {
    const a = slowSink(0);
    await writeRecords({ records: rows(3000), format: 'json', out: a.out, columns: [] });
    expect((JSON.parse(a.text()) as unknown[]).length).toBe(3000);
    const b = slowSink(0);
    await writeRecords({ records: rows(0), format: 'json', out: b.out, columns: [] });
    expect(JSON.parse(b.text())).toEqual([]);
  });

  it('writes CSV with one header, quoting and empty cells for absent fields', async () => {
    const sink = slowSink(0);
    await writeRecords({ records: rows(2500), format: 'csv', out: sink.out, columns: ['id', 'n', 'note'] });
    const text = sink.text();
    expect(text.split('\n')[0]).toBe('id,n,note');
    const parsed = parse(text, { columns: true }) as Array<Record<string, string>>;
    expect(parsed).toHaveLength(2500);
    expect(parsed[0]).toEqual({ id: 'r0', n: '0', note: 'a, "b"' });
    expect(parsed[1]).toEqual({ id: 'r1', n: '1', note: '' });
    const empty = slowSink(0);
    await writeRecords({ records: rows(0), format: 'csv', out: empty.out, columns: ['id', 'n'] });
    expect(empty.text()).toBe('id,n\n');
  });
});
