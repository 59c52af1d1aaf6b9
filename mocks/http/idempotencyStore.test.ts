import { afterEach, describe, expect, it } from 'vitest';
import { startMocks, type RunningMocks } from '../index.ts';
import { registrationBody } from '../../test/support/mocks/fixtures.ts';
import { call } from '../../test/support/mocks/httpClient.ts';
import { IdempotencyStore, type StoredAnswer } from './idempotencyStore.ts';

const REG = '/ehospital/v1/registrations';
const stored = (body: string): StoredAnswer => ({ status: 201, headers: {}, body });

describe('IdempotencyStore.claim', () => {
  it('makes the first caller the runner, and a repeat in flight waits for its stored answer', async () => {
    const store = new IdempotencyStore();
    const first = await store.claim('k');
    expect(first.kind).toBe('run');
    const repeat = store.claim('k');
    if (first.kind === 'run') first.settle(stored('one'));
    expect(await repeat).toEqual({ kind: 'replay', answer: stored('one') });
    expect(await store.claim('k')).toEqual({ kind: 'replay', answer: stored('one') });
  });

  it('when the runner stores nothing, exactly one of the waiting repeats runs next and the others replay it', async () => {
    const store = new IdempotencyStore();
    const first = await store.claim('k');
    const waiting = [store.claim('k'), store.claim('k'), store.claim('k')];
    if (first.kind === 'run') first.settle(undefined);
    // All three resume in the same tick: only one may find the key free.
    const next = await Promise.race(waiting);
    expect(next.kind).toBe('run');
    if (next.kind === 'run') next.settle(stored('two'));
    const claims = await Promise.all(waiting);
    expect(claims.filter((claim) => claim.kind === 'run')).toHaveLength(1);
    expect(claims.filter((claim) => claim.kind === 'replay').map((claim) => (claim.kind === 'replay' ? claim.answer.body : ''))).toEqual(['two', 'two']);
  });
});

describe('idempotency in flight, over HTTP', () => {
  let mocks: RunningMocks | undefined;
  afterEach(() => mocks?.close());

  it('repeats that wait on a first attempt which stored nothing write once between them, not once each', async () => {
    // Three attempts with one key in service at once (concurrency 3, 50 ms each): the first is refused (400,
    // nothing stored), the two repeats store one registration between them. The mock's handlers finish within
    // one event-loop turn, so over HTTP this checks the contract end to end; the same-tick race itself (two
    // waiters resumed together) is pinned by the unit test above.
    mocks = await startMocks({ services: ['ehospital'], config: { services: { ehospital: { capacity: { concurrency: 3, serviceTimeMs: 50 } } } } });
    const base = mocks.urls.ehospital;
    const headers = { 'Idempotency-Key': 'in-flight', 'X-Correlation-Id': 'in-flight-1' };
    const first = call({ base, path: REG, body: { ...registrationBody(), department: 42 }, headers });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const repeats = [call({ base, path: REG, body: registrationBody(), headers }), call({ base, path: REG, body: registrationBody(), headers })];
    expect((await first).status).toBe(400);
    const answers = await Promise.all(repeats);
    expect(answers.map((answer) => answer.status)).toEqual([201, 201]);
    expect(answers[1]?.body.visitId).toBe(answers[0]?.body.visitId);
    const ledger = (await call({ base, path: '/__admin/ledger?format=json&clientRef=in-flight-1' })).body as unknown[];
    expect(ledger).toHaveLength(1);
  });

  it('stores a write whose client gave up while it was queued, as a real server does; an unkeyed resend is a second record', async () => {
    mocks = await startMocks({ services: ['ehospital'], config: { services: { ehospital: { capacity: { concurrency: 1, serviceTimeMs: 2000 } } } } });
    const base = mocks.urls.ehospital;
    const headers = { 'content-type': 'application/json', 'X-Correlation-Id': 'gave-up-1' };
    const body = JSON.stringify(registrationBody());
    // The client gives up once the mock has admitted its write (counted in /__admin/clients), not after a
    // fixed wait that a loaded machine can outlast before the request even arrives.
    const giveUp = new AbortController();
    const gaveUp = fetch(`${base}${REG}`, { method: 'POST', headers, body, signal: giveUp.signal }).catch((error: Error) => error.name);
    const admitted = async () => ((await call({ base, path: '/__admin/clients' })).body as Array<{ requests: number }>).reduce((sum, client) => sum + client.requests, 0);
    await expect.poll(admitted, { timeout: 10_000, interval: 5 }).toBe(1);
    giveUp.abort();
    expect(await gaveUp).toBe('AbortError');
    const resend = await call({ base, path: REG, body: registrationBody(), headers: { 'X-Correlation-Id': 'gave-up-1' } });
    expect(resend.status).toBe(201);
    const ledger = (await call({ base, path: '/__admin/ledger?format=json&clientRef=gave-up-1' })).body as Array<{ businessKey: string }>;
    expect(ledger).toHaveLength(2);
    expect(ledger[1]?.businessKey).toBe(ledger[0]?.businessKey);
  });
});
