import { correlationIdFor, correlationIdHeader } from '../../../src/contract/headers.ts';

/**
 * Drives one full OPD journey and one sample journey through a client, as k6 would (docs/client-contract.md),
 * carrying ids from each answer to the next step. For tests of the reference clients against the real mocks.
 */
export interface StepAnswer {
  step: string;
  status: number;
  body: Record<string, unknown>;
}

const patient = (n: number) => ({
  name: `Test Patient ${n}`,
  gender: n % 2 ? 'female' : 'male',
  age: 20 + (n % 50),
  mobile: `+9198${String(10_000_000 + n).slice(-8)}`,
  district: 'Lucknow',
  pin: '226003',
});

async function call(args: { url: string; step: string; entity: string; method: 'GET' | 'POST'; path: string; body?: unknown }): Promise<StepAnswer> {
  const response = await fetch(`${args.url}${args.path}`, {
    method: args.method,
    headers: { 'content-type': 'application/json', [correlationIdHeader]: correlationIdFor(args) },
    ...(args.body !== undefined ? { body: JSON.stringify(args.body) } : {}),
  });
  return { step: args.step, status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The id an answer gives for `key`: NIC's after done, the provisional one after queued. */
export function idFrom(answer: StepAnswer, key: string): string | undefined {
  if (answer.body.status === 'done') return String((answer.body.nic as Record<string, unknown>)[key]);
  if (answer.body.status === 'queued') return String((answer.body.provisional as Record<string, unknown> | undefined)?.[key] ?? answer.body.provisionalId);
  return undefined;
}

export async function opdJourney(args: { url: string; n: number }): Promise<StepAnswer[]> {
  const entity = `pt-${String(args.n).padStart(6, '0')}`;
  const answers: StepAnswer[] = [];
  const step = async (step: string, method: 'GET' | 'POST', path: string, body?: unknown) => {
    const answer = await call({ url: args.url, step, entity, method, path, body });
    answers.push(answer);
    return answer;
  };
  const registration = await step('register', 'POST', '/opd/registrations', { patient: patient(args.n), department: 'internal-medicine', visitType: 'new' });
  const uhid = idFrom(registration, 'uhid');
  const visitId = idFrom(registration, 'visitId');
  await step('fee', 'POST', '/opd/fees', { uhid, visitId, amountInr: 10, mode: 'upi', purpose: 'opd-card' });
  await step('token', 'POST', '/opd/tokens', { uhid, visitId, department: 'internal-medicine' });
  const order = await step('labOrder', 'POST', '/lab/orders', { uhid, visitId, tests: ['CBC', 'lipid-profile'] });
  const orderId = idFrom(order, 'orderId');
  const barcode = idFrom(await step('barcode', 'POST', '/lab/barcodes', { orderId }), 'barcode');
  await step('collectSample', 'POST', '/lab/samples', { orderId, barcode, specimenType: 'blood', collectedAt: Date.now() });
  await step('fetchReport', 'GET', `/lab/reports/${encodeURIComponent(orderId ?? '')}`);
  return answers;
}

export async function sampleJourney(args: { url: string; n: number; count: number }): Promise<StepAnswer[]> {
  const answers: StepAnswer[] = [];
  const srfIds: string[] = [];
  for (let i = 0; i < args.count; i++) {
    const entity = `srf-${String(args.n + i).padStart(6, '0')}`;
    const answer = await call({
      url: args.url,
      step: 'createSrf',
      entity,
      method: 'POST',
      path: '/icmr/srfs',
      body: { patient: patient(args.n + i), specimenType: 'nasopharyngeal-oropharyngeal-swab', testType: 'RT-PCR', collectedAt: Date.now(), labCode: 'KGMU-VRDL' },
    });
    answers.push(answer);
    const srfId = idFrom(answer, 'srfId');
    if (srfId) srfIds.push(srfId);
  }
  const batch = `batch-${String(args.n).padStart(4, '0')}`;
  answers.push(await call({ url: args.url, step: 'createConsignment', entity: batch, method: 'POST', path: '/icmr/consignments', body: { srfIds, labCode: 'KGMU-VRDL', dispatchedAt: Date.now() } }));
  const first = srfIds[0];
  answers.push(
    await call({ url: args.url, step: 'uploadResult', entity: `srf-${String(args.n).padStart(6, '0')}`, method: 'POST', path: '/icmr/results', body: { srfId: first, result: 'negative', ctValue: 31.5, testedAt: Date.now() } }),
  );
  return answers;
}
