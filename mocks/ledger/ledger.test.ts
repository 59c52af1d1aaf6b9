import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ledger, type LedgerInput } from './ledger.ts';
import { LineStore } from './lineStore.ts';
import { createNdjsonAppender } from './ndjsonAppender.ts';

const input = (i: number): LedgerInput => ({
  service: 'ehospital',
  entity: 'registration',
  id: `V${i}`,
  idempotencyKey: i % 2 ? `k-${i}` : null,
  clientRef: `ref-${i} — सीता`,
  clientId: 'c1',
  businessKey: `registration|98765${i}|सीता मौर्य`,
  acceptedAt: 1_700_000_000_000 + i,
  storedAt: i % 3 ? 1_700_000_000_000 + i : null,
});

describe('LineStore', () => {
  it('gives back every line in order across chunk boundaries, multi-byte text included', () => {
    const store = new LineStore(64);
    const lines = Array.from({ length: 50 }, (_, i) => `{"n":${i},"t":"${'ü'.repeat(i % 7)}सीता"}`);
    lines.push('x'.repeat(200)); // longer than a chunk
    for (const line of lines) store.append(line);
    expect(store.count).toBe(51);
    expect(store.readAll()).toEqual(lines);
  });

  it('is empty before the first line', () => {
    expect(new LineStore().readAll()).toEqual([]);
  });
});

describe('Ledger', () => {
  it('keeps every entry with increasing seq and writes the same lines to its file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'thap-ledger-'));
    const path = join(dir, 'ledger.ndjson');
    const ledger = new Ledger(createNdjsonAppender({ path, flushAtBytes: 256 }));
    const recorded = Array.from({ length: 40 }, (_, i) => ledger.record(input(i)));
    expect(recorded.map((entry) => entry.seq)).toEqual(recorded.map((_, i) => i + 1));
    expect(ledger.entries).toEqual(recorded);
    expect(ledger.size).toBe(40);
    await ledger.close();
    const fromFile = (await readFile(path, 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(fromFile).toEqual(recorded);
    expect(Object.keys(fromFile[0])).toEqual(['seq', 'service', 'entity', 'id', 'idempotencyKey', 'clientRef', 'clientId', 'businessKey', 'acceptedAt', 'storedAt']);
  });

  it('writes a line longer than the appender buffer whole, in order', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'thap-ndjson-'));
    const path = join(dir, 'log.ndjson');
    const appender = createNdjsonAppender({ path, flushAtBytes: 32 });
    appender.append({ a: 1 });
    appender.append({ long: 'y'.repeat(100) });
    appender.appendLine('{"b":2}');
    await appender.close();
    expect(await readFile(path, 'utf8')).toBe(`{"a":1}\n{"long":"${'y'.repeat(100)}"}\n{"b":2}\n`);
  });
});
