// The NIC mocks as a user's test suite uses them: the handlers from the package export `thap/mocks`, served
// in-process by msw's own setupServer (msw/node), answering plain fetch calls to any origin.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createNicHandlers } from 'thap/mocks';
import { registrationBody, srfBody } from '../test/support/mocks/fixtures.ts';

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('createNicHandlers with msw setupServer', () => {
  const nic = createNicHandlers({ seed: 42 });
  const server = setupServer(...nic.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(async () => {
    server.close();
    await nic.close();
  });

  it('registers a patient on e-Hospital and records the write in the ledger with the correlation id', async () => {
    const response = await post('https://ehospital.nic.test/ehospital/v1/registrations', registrationBody(), { 'X-Correlation-Id': 'pt-000001.register' });
    expect(response.status).toBe(201);
    const answer = (await response.json()) as { uhid: string; visitId: string };
    expect(answer.uhid).toMatch(/\S/);
    expect(nic.ledger()).toContainEqual(expect.objectContaining({ service: 'ehospital', entity: 'registration', id: answer.visitId, clientRef: 'pt-000001.register' }));
  });

  it('creates an ICMR SRF and finds it again by its id', async () => {
    const created = await post('https://icmr.test/icmr/v1/srfs', srfBody());
    expect(created.status).toBe(201);
    const { srfId } = (await created.json()) as { srfId: string };
    const found = await fetch(`https://icmr.test/icmr/v1/srfs/${srfId}`);
    expect(found.status).toBe(200);
    expect(await found.json()).toMatchObject({ srfId, specimenType: srfBody().specimenType });
  });

  it('answers a bad body with 400 naming each wrong field', async () => {
    const response = await post('http://127.0.0.1:1/ehospital/v1/registrations', registrationBody({ visitType: 'walk-in' }));
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { service: string; fields: Array<{ path: string }> } };
    expect(error.service).toBe('ehospital');
    expect(error.fields.map((field) => field.path)).toContain('visitType');
  });
});

describe('createNicHandlers options', () => {
  it('gives only the services asked for: a request to another is not handled', async () => {
    const nic = createNicHandlers({ services: ['icmr'] });
    const server = setupServer(...nic.handlers);
    server.listen({ onUnhandledRequest: 'error' });
    try {
      expect((await post('https://icmr.test/icmr/v1/srfs', srfBody())).status).toBe(201);
      await expect(post('https://ehospital.test/ehospital/v1/registrations', registrationBody())).rejects.toThrow();
    } finally {
      server.close();
      await nic.close();
    }
  });

  it('draws ids from the seed: the same seed gives the same SRF id, another seed another', async () => {
    const firstSrfId = async (seed: number) => {
      const nic = createNicHandlers({ services: ['icmr'], seed });
      const server = setupServer(...nic.handlers);
      server.listen({ onUnhandledRequest: 'error' });
      try {
        return ((await (await post('https://icmr.test/icmr/v1/srfs', srfBody())).json()) as { srfId: string }).srfId;
      } finally {
        server.close();
        await nic.close();
      }
    };
    const [first, again, other] = [await firstSrfId(7), await firstSrfId(7), await firstSrfId(8)];
    expect(first).toMatch(/^\d{13}$/);
    expect(again).toBe(first);
    expect(other).not.toBe(first);
  });

  it('refuses a bad config with every problem named', () => {
    expect(() => createNicHandlers({ config: { services: { ehospital: { latencyMs: 'slow' } } } as never })).toThrow(/mocks: invalid config\n {2}- services\.ehospital/);
  });
});
