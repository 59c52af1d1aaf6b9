import { afterAll, describe, expect, it } from 'vitest';
import { switchableEhospital } from '../shared/testing/switchableEhospital.ts';
import { clientStartupMs, deliveryMs, realProcessTestMs } from '../shared/testing/loadedMachineBounds.ts';
import { spawnClient } from '../shared/testing/spawnClient.ts';

const patient = { name: 'Sunita Verma', gender: 'female', age: 52, mobile: '+917007000321', district: 'Kanpur Nagar', pin: '208001' };
const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

function register(url: string, correlationId: string) {
  return fetch(`${url}/opd/registrations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Correlation-Id': correlationId },
    body: JSON.stringify({ patient, department: 'cardiology', visitType: 'new' }),
  });
}

describe('journal client (real processes)', () => {
  it('answers queued while NIC is away and delivers each journaled write once, with its key, after a SIGKILL and restart', async () => {
    const ehospital = await switchableEhospital({ up: true, tokenNo: 7, dirPrefix: 'thap-journal-kill-' });
    cleanups.push(ehospital.close);
    const { stored, env } = ehospital;

    const first = await spawnClient({ script: 'examples/journal/server.ts', env, healthTimeoutMs: clientStartupMs });
    cleanups.push(() => first.stop('SIGKILL'));
    // Answered done or, on a slow machine, queued past the answer budget: either way NIC gets it once.
    expect([200, 202]).toContain((await register(first.url, 'pt-80.register')).status);
    // Its journal has recorded that delivery before NIC goes away, so only the five below are pending.
    const countsOf = async (url: string) => ((await (await fetch(`${url}/thap/outbox`)).json()) as { counts: Record<string, number> }).counts;
    await expect.poll(() => countsOf(first.url), { timeout: deliveryMs }).toEqual({ pending: 0, submitted: 1, abandoned: 0 });

    ehospital.state.up = false;
    const ids = Array.from({ length: 5 }, (_, i) => `pt-9${i}.register`);
    const answers = [];
    for (const id of ids) {
      const response = await register(first.url, id);
      answers.push({ status: response.status, body: (await response.json()) as { status: string; provisional?: Record<string, string> } });
    }
    expect(answers.map((answer) => [answer.status, answer.body.status])).toEqual(ids.map(() => [202, 'queued']));
    expect(answers[0]?.body.provisional).toEqual({ uhid: expect.stringMatching(/^JN-\d{6}-uhid$/), visitId: expect.stringMatching(/-visitId$/), tokenNo: expect.stringMatching(/-tokenNo$/) });
    await first.stop('SIGKILL');

    ehospital.state.up = true;
    const second = await spawnClient({ script: 'examples/journal/server.ts', env, healthTimeoutMs: clientStartupMs });
    cleanups.push(() => second.stop());
    await expect.poll(() => ids.map((id) => stored.records(id)), { timeout: deliveryMs }).toEqual([1, 1, 1, 1, 1]);
    expect(stored.records('pt-80.register')).toBe(1);
    await expect.poll(() => countsOf(second.url), { timeout: deliveryMs }).toEqual({ pending: 0, submitted: 6, abandoned: 0 });
    expect(stored.pairs().filter((pair) => !pair.startsWith('pt-80'))).toEqual(ids.map((id) => `${id}=${id}`));
    expect(second.lines.some((line) => line.includes('"event":"recovered"') && line.includes('"pending":5'))).toBe(true);
  }, realProcessTestMs);
});
