import { getResponse, HttpResponse } from 'msw';
import { CallbackSender } from '../mocks/callbacks/callbackSender.ts';
import { oneSpeedTimes } from '../mocks/clock/serviceTimes.ts';
import { mocksConfigSchema, serviceConfig } from '../mocks/config.ts';
import { createEhospital } from '../mocks/ehospital/index.ts';
import { registrationSchema } from '../mocks/ehospital/schemas.ts';
import { FaultStore } from '../mocks/faults/faultStore.ts';
import { attachRequestMeta, type RequestMeta } from '../mocks/http/requestMeta.ts';
import { Ledger } from '../mocks/ledger/ledger.ts';
import { createNdjsonAppender } from '../mocks/ledger/ndjsonAppender.ts';
import { createServiceRuntime } from '../mocks/runtime.ts';
import { SessionStore } from '../mocks/sessions/sessionStore.ts';
import { createRng } from '../mocks/shared/rng.ts';
import type { BenchEntry, BenchRow } from './types.ts';

const ITERATIONS = Number(process.env.BENCH_BREAKDOWN_ITERATIONS ?? 20000);
const body = JSON.stringify({ patient: { name: 'Sita Maurya', gender: 'F', age: 34, mobile: '9876500001', district: 'Lucknow', pin: '226003' }, department: 'Medicine', visitType: 'new' });
const headers = { host: '127.0.0.1:20000', 'content-type': 'application/json', 'content-length': String(body.length), 'user-agent': 'wrk', 'x-correlation-id': 'c1' };

/** Mean microseconds per call of `step`, after a warm-up of a tenth of the iterations. */
async function timeIt(step: () => unknown | Promise<unknown>): Promise<number> {
  for (let i = 0; i < ITERATIONS / 10; i++) await step();
  const started = process.hrtime.bigint();
  for (let i = 0; i < ITERATIONS; i++) await step();
  return Number(process.hrtime.bigint() - started) / 1000 / ITERATIONS;
}

/**
 * Where a mock request's time goes, in one process (no network): the Fetch objects, zod, the registration
 * resolver, and msw's getResponse against calling the resolver directly. Microseconds per call.
 */
const entry: BenchEntry = {
  name: 'mocks-breakdown',
  description: 'in-process cost of each step of a registration (us per call)',
  async run() {
    const sessions = new SessionStore();
    const faults = new FaultStore(1, () => undefined);
    const runtime = createServiceRuntime({
      service: 'ehospital',
      config: serviceConfig(mocksConfigSchema.parse({}), 'ehospital'),
      rng: createRng(1),
      ledger: new Ledger(createNdjsonAppender({})),
      times: oneSpeedTimes,
      sessions,
      callbacks: new CallbackSender(faults),
    });
    const route = createEhospital(runtime).find((r) => r.path === '/ehospital/v1/registrations')!;
    const meta = (): RequestMeta => ({ service: 'ehospital', clientId: 'c', clientRef: 'c1', idempotencyKey: null, authorization: null, receivedAt: Date.now(), body: JSON.parse(body), dropWrite: false, wroteNothing: false });
    const newRequest = () => new Request('http://127.0.0.1/ehospital/v1/registrations', { method: 'POST', headers, body });
    const steps: Array<[string, () => unknown | Promise<unknown>]> = [
      ['JSON.parse body', () => JSON.parse(body)],
      ['zod registration schema', () => registrationSchema.safeParse(JSON.parse(body))],
      ['new Request (headers + body)', newRequest],
      ['HttpResponse.json + text()', () => HttpResponse.json({ uhid: '1', visitId: 'V1', appointmentNo: 'MED-0001', tokenNo: 1 }, { status: 201 }).text()],
      ['new HttpResponse(string) only', () => new HttpResponse('{"uhid":"1"}', { status: 201, headers: { 'content-type': 'application/json' } })],
      ['thap direct: Request + resolver', async () => {
        const request = newRequest();
        const m = meta();
        attachRequestMeta(request, m);
        return route.resolve({ request, params: {}, meta: m });
      }],
      ['msw getResponse: Request + handler', async () => {
        const request = newRequest();
        attachRequestMeta(request, meta());
        return getResponse([route.handler], request);
      }],
    ];
    const rows: BenchRow[] = [];
    for (const [subject, step] of steps) rows.push({ entry: 'mocks-breakdown', subject, metrics: { usPerCall: await timeIt(step) } });
    return rows;
  },
};
export default entry;
