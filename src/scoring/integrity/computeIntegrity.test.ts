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
  service?: string;
  entity?: string;
  key?: string;
}

/** A run directory holding only ledger.ndjson, in the shape of docs/nic-mocks.md "Ledger format". */
async function ledgerDir(lines: Line[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'thap-integrity-'));
  dirs.push(dir);
  const text = lines.map((line, index) =>
    JSON.stringify({ seq: index + 1, service: line.service ?? 'ehospital', entity: line.entity ?? 'registration', id: line.id, idempotencyKey: null, clientRef: line.ref, clientId: '127.0.0.1', businessKey: line.key ?? `registration|${line.ref}|${line.id}`, acceptedAt: line.storedAt ?? 1_000, storedAt: line.storedAt }),
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

describe('computeIntegrity: false claims of a payment (qrId, and the utr the gateway issued when the patient paid)', () => {
  const qr = (ref: string, id: string, storedAt = 1_000): Line => ({ ref, id, storedAt, service: 'payment', entity: 'payment-qr', key: `qr|${ref}|1000` });
  const capture = (ref: string, id: string, storedAt = 2_000): Line => ({ ref, id, storedAt, service: 'payment', entity: 'payment-capture', key: `capture|${ref}` });

  it('counts a done payment whose utr the gateway never issued for it, once per answer, and verifies a true one', async () => {
    const runDir = await ledgerDir([
      qr('pt-1.onlinePayment', 'QR1'),
      capture('pt-1.onlinePayment', '111111111111'),
      qr('pt-2.onlinePayment', 'QR2'),
      capture('pt-2.onlinePayment', '222222222222'),
      qr('pt-3.onlinePayment', 'QR3'),
      qr('pt-4.onlinePayment', 'QR4'),
      capture('pt-4.onlinePayment', '444444444444'),
      qr('pt-5.onlinePayment', 'QR5'),
      capture('pt-5.onlinePayment', '555555555555'),
    ]);
    const claims = claimsOf([
      ['pt-1.onlinePayment', 'QR1'],
      ['pt-2.onlinePayment', 'QR2'],
      ['pt-3.onlinePayment', 'QR3'],
      ['pt-4.onlinePayment', 'QR4'],
      ['pt-5.onlinePayment', 'QR-MADE-UP'],
    ]);
    const laterClaims = claimsOf([
      ['pt-1.onlinePayment', '999999999999'], // the real QR, a made-up utr: the gateway confirmed another payment
      ['pt-2.onlinePayment', '222222222222'], // true
      ['pt-3.onlinePayment', '222222222222'], // pt-2's utr; pt-3's QR was never paid
      ['pt-4.onlinePayment', 'QR4'], // the qrId passed off as the utr: on a line of its own, but not a capture
      ['pt-5.onlinePayment', '000000000000'], // both made up: one false answer
    ]);
    const { integrity } = await computeIntegrity({ runDir, done: new Set(claims.keys()), queued: new Set(), backlog: new Set(), claims, laterClaims });
    expect(integrity.falseClaims).toBe(4);
    expect([...integrity.falseClaimSamples].sort()).toEqual(['pt-1.onlinePayment', 'pt-3.onlinePayment', 'pt-4.onlinePayment', 'pt-5.onlinePayment']);
    expect(integrity).toMatchObject({ stored: 5, lost: 0, unclaimed: 0 });
  });

  it('verifies a payment paid late: its capture line comes long after the QR, behind other writes', async () => {
    const runDir = await ledgerDir([
      qr('pt-1.onlinePayment', 'QR1', 1_000),
      { ref: 'pt-2.register', id: 'V2', storedAt: 1_500 },
      qr('pt-3.onlinePayment', 'QR3', 1_600),
      capture('pt-3.onlinePayment', '333333333333', 1_700),
      capture('pt-1.onlinePayment', '111111111111', 900_000),
    ]);
    const claims = claimsOf([['pt-1.onlinePayment', 'QR1'], ['pt-2.register', 'V2'], ['pt-3.onlinePayment', 'QR3']]);
    const laterClaims = claimsOf([['pt-1.onlinePayment', '111111111111'], ['pt-3.onlinePayment', '333333333333']]);
    const { integrity } = await computeIntegrity({ runDir, done: new Set(claims.keys()), queued: new Set(), backlog: new Set(), claims, laterClaims });
    expect(integrity.falseClaims).toBe(0);
    expect(integrity.falseClaimSamples).toEqual([]);
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

  it("counts the accepted writes NIC stored in the drain's last stretch, from tailFrom to the deadline, once each", async () => {
    const runDir = await ledgerDir(lines);
    // b (9,999), c (10,000) and f's in-time line (9,000, after its late first line); not a (2,000), not d or e (late).
    expect((await computeIntegrity({ runDir, ...accepted(), backlog: new Set(), deadline, tailFrom: 8_000 })).deliveredInTail).toBe(3);
    expect((await computeIntegrity({ runDir, ...accepted(), backlog: new Set(), deadline, tailFrom: 9_500 })).deliveredInTail).toBe(2);
    expect((await computeIntegrity({ runDir, ...accepted(), backlog: new Set(), deadline })).deliveredInTail).toBe(0);
  });

  it('without a deadline (a run planned before deadlines) judges at the end of the run: lost plus pending', async () => {
    const runDir = await ledgerDir(lines);
    const { integrity } = await computeIntegrity({ runDir, ...accepted(), backlog: new Set() });
    expect(integrity).toMatchObject({ undelivered: 3, lost: 1, pending: 2, drainDeadlineAt: null, drainDeadlineSimMs: null });
  });
});

describe('computeIntegrity: duplicated entities', () => {
  it('counts business entities (service and businessKey) stored more than once, stored lines only, with samples in ledger order', async () => {
    const runDir = await ledgerDir([
      { ref: 'a.register', id: 'V1', storedAt: 1_000, key: 'registration|a' },
      { ref: 'b.register', id: 'V2', storedAt: 1_000, key: 'registration|b' },
      { ref: 'b.register', id: 'V3', storedAt: 1_001, key: 'registration|b' }, // a retry without an idempotency key
      { ref: 'a.register', id: 'V4', storedAt: 1_002, key: 'registration|a' },
      { ref: 'a.register', id: 'V5', storedAt: 1_003, key: 'registration|a' },
      { ref: 'c.register', id: 'V6', storedAt: 1_000, key: 'registration|c' },
      { ref: 'c.register', id: 'V7', storedAt: null, key: 'registration|c' }, // answered, never stored
      { ref: 'd.register', id: 'V8', storedAt: 1_000, key: 'registration|a', service: 'lab' }, // another service's entity
    ]);
    const { integrity } = await computeIntegrity({ runDir, done: new Set(['a.register', 'b.register', 'c.register', 'd.register']), queued: new Set(), backlog: new Set() });
    expect(integrity).toMatchObject({ duplicated: 2, extraRecords: 3, duplicatedSample: ['ehospital:registration|a', 'ehospital:registration|b'], stored: 4, unclaimed: 0, ledgerRecords: 8 });
  });
});
