import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMocks, type RunningMocks } from '../../mocks/index.ts';
import { startJournalClient } from '../journal/client.ts';
import { startNaiveClient } from '../naive/client.ts';
import { startResilientClient } from '../resilient/client.ts';
import { startRetryStormClient } from '../retry-storm/client.ts';
import { contractSteps, type StepName } from '../../src/contract/steps.ts';
import type { ClientConfig } from './config.ts';
import type { RunningServer } from './jsonServer.ts';
import { opdJourney, sampleJourney, type StepAnswer } from './testing/journeys.ts';

let mocks: RunningMocks;
let stateDir: string;
beforeAll(async () => {
  mocks = await startMocks({ services: ['ehospital', 'icmr'], seed: 7 });
  stateDir = await mkdtemp(path.join(os.tmpdir(), 'thap-journeys-'));
});
afterAll(async () => {
  await mocks?.close();
  await rm(stateDir, { recursive: true, force: true });
});

const clients: Array<[string, (config: ClientConfig) => Promise<RunningServer & { stop?: () => Promise<void> }>]> = [
  ['naive', (config) => startNaiveClient({ config, log: () => {} })],
  ['retry-storm', (config) => startRetryStormClient({ config, log: () => {}, logEvent: () => {} })],
  ['resilient', (config) => startResilientClient({ config, outboxFile: path.join(stateDir, 'outbox.ndjson'), log: () => {}, logEvent: () => {} })],
  ['journal', (config) => startJournalClient({ config, journalFile: path.join(stateDir, 'journal.ndjson'), settings: { answerBudgetMs: 10_000 }, log: () => {}, logEvent: () => {} })],
];

/** The mocks' one ledger (every service's writes), as the admin API of any service gives it. */
async function ledgerEntries(): Promise<Array<{ clientRef: string; id: string }>> {
  const response = await fetch(`${mocks.urls.ehospital}/__admin/ledger?format=json`);
  return (await response.json()) as Array<{ clientRef: string; id: string }>;
}

/** The `<correlation id> <id>` each `done` write answer claims as NIC's (its step's `ledgerId`, src/contract/steps.ts). */
function claimedLedgerIds(answers: StepAnswer[]): string[] {
  return answers.flatMap((answer) => {
    const field = contractSteps[answer.step as StepName].ledgerId;
    if (field === undefined || answer.body.status !== 'done') return [];
    return [`${String(answer.body.correlationId)} ${String((answer.body.nic as Record<string, unknown>)[field])}`];
  });
}

describe.each(clients)('%s client against the real NIC mocks', (name, start) => {
  it('completes every journey step with NIC ids and leaves one ledger line per write', async () => {
    const client = await start({ port: 0, nic: { ehospital: mocks.urls.ehospital, icmr: mocks.urls.icmr }, timeScale: 60 });
    try {
      const n = 1000 * (clients.findIndex(([other]) => other === name) + 1);
      const opd = await opdJourney({ url: client.url, n });
      expect(opd.map((answer) => [answer.step, answer.status, answer.body.status])).toEqual([
        ['register', 200, 'done'],
        ['fee', 200, 'done'],
        ['token', 200, 'done'],
        ['labOrder', 200, 'done'],
        ['barcode', 200, 'done'],
        ['collectSample', 200, 'done'],
        ['fetchReport', 200, 'done'],
      ]);
      expect(opd.at(-1)?.body.nic).toMatchObject({ reportStatus: 'final' });
      const samples = await sampleJourney({ url: client.url, n, count: 3 });
      expect(samples.map((answer) => [answer.step, answer.status, answer.body.status])).toEqual([
        ['createSrf', 200, 'done'],
        ['createSrf', 200, 'done'],
        ['createSrf', 200, 'done'],
        ['createConsignment', 200, 'done'],
        ['uploadResult', 200, 'done'],
      ]);
      const ledger = await ledgerEntries();
      const refs = ledger.map((entry) => entry.clientRef);
      // Each write's claimed id is the id NIC's ledger recorded for that correlation id: what integrity checks.
      const issued = new Set(ledger.map((entry) => `${entry.clientRef} ${entry.id}`));
      const claims = claimedLedgerIds([...opd, ...samples]);
      expect(claims).toHaveLength(10);
      expect(claims.filter((claim) => !issued.has(claim))).toEqual([]);
      const entity = `pt-${String(n).padStart(6, '0')}`;
      for (const step of ['register', 'fee', 'labOrder', 'barcode', 'collectSample']) {
        expect(refs.filter((ref) => ref === `${entity}.${step}`), step).toHaveLength(1);
      }
      expect(refs.filter((ref) => ref === `batch-${String(n).padStart(4, '0')}.createConsignment`)).toHaveLength(1);
    } finally {
      await (client.stop ?? client.close)();
    }
  });
});
