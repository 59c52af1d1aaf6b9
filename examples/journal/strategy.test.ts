import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Attempt } from '../shared/attemptNic.ts';
import type { NicResponse } from '../shared/nicCall.ts';
import { tokenStep } from '../shared/steps/token.ts';
import { Journal } from './journal.ts';
import type { Lane } from './lane.ts';
import { journalStrategy } from './strategy.ts';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

/** A journal with one registration NIC accepted (visit V-1, token 17), and a lane whose reads answer `read`. */
async function journalWithRegistration(read: Attempt | { kind: 'refused'; reason: string }, { revisit = false } = {}) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'thap-journal-strategy-'));
  const journal = await Journal.open(path.join(dir, 'journal.ndjson'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }), () => journal.close());
  journal.accept({ correlationId: 'pt-1.register', step: 'register', body: {}, params: {}, provides: ['uhid', 'visitId', 'tokenNo'] });
  journal.delivered({ correlationId: 'pt-1.register', nic: { uhid: 'U-1', visitId: 'V-1', tokenNo: 17 } });
  if (revisit) {
    journal.accept({ correlationId: 'pt-1b.register', step: 'register', body: {}, params: {}, provides: ['uhid', 'visitId', 'tokenNo'] });
    journal.delivered({ correlationId: 'pt-1b.register', nic: { uhid: 'U-1', visitId: 'V-2', tokenNo: 40 } });
  }
  const lane = { read: async () => read } as unknown as Lane;
  const strategy = journalStrategy({ journal, lanes: { ehospital: lane } as Record<string, Lane> as never, answerBudgetMs: 100 });
  const askToken = (visitId: string) => strategy({ step: tokenStep, correlationId: `${visitId}.token`, request: { body: { uhid: 'U-1', visitId }, params: {} } } as never);
  return { askToken };
}

const answer = (status: number, body: unknown): Attempt => ({ kind: status < 300 ? 'ok' : 'error-status', response: { status, body } as NicResponse, retryable: status >= 500 }) as Attempt;

describe('the journal answering a read NIC cannot answer', () => {
  it("gives the token NIC issued at registration while the route is down, refused, answering 503 or its gateway 403", async () => {
    for (const read of [{ kind: 'refused' as const, reason: 'NIC ehospital is not answering; not asked' }, answer(503, { error: 'down' }), answer(403, { error: 'blocked by the gateway' })]) {
      const { askToken } = await journalWithRegistration(read);
      const reply = await askToken('V-1');
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ status: 'done', nic: { tokenNo: 17 } });
    }
  });

  it('fails a read of a visit it has no record of, and passes on what NIC says when NIC answers', async () => {
    const down = await journalWithRegistration({ kind: 'refused', reason: 'NIC ehospital is not answering; not asked' });
    expect((await down.askToken('V-9')).status).toBe(503);
    // A number in NIC's answer (the token number 17) is not an id: a visit called "17" is not that registration's.
    expect((await down.askToken('17')).status).toBe(503);
    // The same patient's later visit: its uhid names that visit's registration, so V-1's token is not on record.
    const revisited = await journalWithRegistration({ kind: 'refused', reason: 'NIC ehospital is not answering; not asked' }, { revisit: true });
    expect((await revisited.askToken('V-1')).status).toBe(503);
    expect((await revisited.askToken('V-2')).body).toMatchObject({ status: 'done', nic: { tokenNo: 40 } });
    const notFound = await journalWithRegistration(answer(404, { error: 'no such visit' }));
    expect((await notFound.askToken('V-1')).body).toMatchObject({ status: 'failed' });
    const up = await journalWithRegistration(answer(200, { tokenNo: 18 }));
    expect((await up.askToken('V-1')).body).toMatchObject({ status: 'done', nic: { tokenNo: 18 } });
  });
});
