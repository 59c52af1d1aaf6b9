import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { claimKey } from './claimKey.ts';
import { computeIntegrity } from './computeIntegrity.ts';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

interface Line {
  ref: string | null;
  id: string;
  storedAt: number | null;
  entity?: string;
  key?: string;
}

/** A run directory holding only ledger.ndjson, in the shape of docs/nic-mocks.md "Ledger format". */
async function ledgerDir(lines: Line[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'thap-integrity-'));
  dirs.push(dir);
  const text = lines.map((line, index) =>
    JSON.stringify({ seq: index + 1, service: 'ehospital', entity: line.entity ?? 'registration', id: line.id, idempotencyKey: null, clientRef: line.ref, clientId: '127.0.0.1', businessKey: line.key ?? `registration|${line.ref}|${line.id}`, acceptedAt: line.storedAt ?? 1_000, storedAt: line.storedAt }),
  );
  await writeFile(join(dir, 'ledger.ndjson'), text.map((line) => `${line}\n`).join(''));
  return dir;
}

const claimsOf = (entries: Array<[string, string]>) => new Map(entries.map(([ref, id]) => [ref, claimKey(encodeURIComponent(id))]));

describe('computeIntegrity: false claims', () => {
  it('counts a done whose NIC id is on no ledger line, or only on another correlation id\'s, and nothing else', async () => {
    const runDir = await ledgerDir([
      { ref: 'pt-1.register', id: 'V1', storedAt: 1_000 },
      { ref: 'pt-2.register', id: 'V2', storedAt: 1_000 },
      // A retry without an idempotency key: two lines for one request; the answer names the second, NIC issued both.
      { ref: 'pt-3.register', id: 'V3', storedAt: 1_000 },
      { ref: 'pt-3.register', id: 'V4', storedAt: 1_001 },
      // Answered to the client but never stored (the not-stored fault): NIC did issue the id.
      { ref: 'pt-4.register', id: 'V5', storedAt: null },
      { ref: 'pt-6.register', id: 'V6', storedAt: 1_000 },
      // The same id on a line of another step of the same entity (a barcode's sample and its collection).
      { ref: 'pt-7.barcode', id: 'SB1', storedAt: 1_000, entity: 'sample' },
      { ref: 'pt-7.collectSample', id: 'SB1', storedAt: 1_000, entity: 'collection' },
    ]);
    const claims = claimsOf([
      ['pt-1.register', 'V1'], // true
      ['pt-2.register', 'V1'], // issued, but for pt-1
      ['pt-3.register', 'V4'], // true (its second line)
      ['pt-4.register', 'V5'], // true, and lost
      ['pt-5.register', 'V999'], // never issued (and nothing stored: lost too)
      ['pt-6.register', 'RZ-000123-visitId'], // a provisional id passed off as NIC's
      ['pt-7.collectSample', 'SB1'], // true
    ]);
    const done = new Set(claims.keys());
    const { integrity } = await computeIntegrity({ runDir, done, queued: new Set(), backlog: new Set(), claims });
    expect(integrity.falseClaims).toBe(3);
    expect(integrity.falseClaimSamples).toEqual(['pt-2.register', 'pt-5.register', 'pt-6.register']);
    expect(integrity.lost).toBe(2);
    expect(integrity.lostSample).toEqual(['pt-4.register', 'pt-5.register']);
  });

  it('compares a ledger id the way k6 encodes a claim, so an id with reserved characters is not a false claim', async () => {
    const runDir = await ledgerDir([{ ref: 'srf-1.createSrf', id: 'SRF/2024 7', storedAt: 1_000, entity: 'srf' }]);
    const claims = claimsOf([['srf-1.createSrf', 'SRF/2024 7']]);
    const { integrity } = await computeIntegrity({ runDir, done: new Set(claims.keys()), queued: new Set(), backlog: new Set(), claims });
    expect(integrity.falseClaims).toBe(0);
  });

  it('keeps at most 20 samples of false claims', async () => {
    const runDir = await ledgerDir([]);
    const claims = claimsOf(Array.from({ length: 25 }, (_, i): [string, string] => [`pt-${i}.register`, `FAKE-${i}`]));
    const { integrity } = await computeIntegrity({ runDir, done: new Set(claims.keys()), queued: new Set(), backlog: new Set(), claims });
    expect(integrity.falseClaims).toBe(25);
    expect(integrity.falseClaimSamples).toHaveLength(20);
  });
});

describe('computeIntegrity: undelivered by the drain deadline', () => {
  const deadline = { at: 10_000, simMs: 36_000_000 };
  const lines: Line[] = [
    { ref: 'a.register', id: 'V1', storedAt: 2_000 }, // done, stored in time
    { ref: 'b.register', id: 'V2', storedAt: 9_999 }, // queued, drained in time
    { ref: 'c.register', id: 'V3', storedAt: 10_000 }, // queued, stored at the deadline: in time
    { ref: 'd.register', id: 'V4', storedAt: 10_001 }, // queued, drained after it
    { ref: 'e.register', id: 'V5', storedAt: 12_000 }, // done, stored only after it
    { ref: 'f.register', id: 'V6', storedAt: 15_000 }, // a first line after the deadline...
    { ref: 'f.register', id: 'V7', storedAt: 9_000 }, // ...and one in time, written later (its storing was delayed)
    { ref: 'g.register', id: 'V8', storedAt: null }, // queued, answered by NIC but never stored
  ];
  const accepted = () => ({ done: new Set(['a.register', 'e.register', 'h.register']), queued: new Set(['b.register', 'c.register', 'd.register', 'f.register', 'g.register', 'i.register']) });

  it('counts every accepted write with no stored line at or before the deadline, whatever the client said', async () => {
    const runDir = await ledgerDir(lines);
    const { integrity } = await computeIntegrity({ runDir, ...accepted(), backlog: new Set(), deadline });
    // d and e stored late; g never stored; h (done) and i (queued) never reached NIC at all.
    expect(integrity).toMatchObject({ accepted: 9, done: 3, queued: 6, stored: 6, undelivered: 5, lost: 1, pending: 2, drainDeadlineAt: 10_000, drainDeadlineSimMs: 36_000_000 });
  });

  it('without a deadline (a run planned before deadlines) judges at the end of the run: lost plus pending', async () => {
    const runDir = await ledgerDir(lines);
    const { integrity } = await computeIntegrity({ runDir, ...accepted(), backlog: new Set() });
    expect(integrity).toMatchObject({ undelivered: 3, lost: 1, pending: 2, drainDeadlineAt: null, drainDeadlineSimMs: null });
  });
});
