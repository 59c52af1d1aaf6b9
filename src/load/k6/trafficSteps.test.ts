import { describe, expect, it } from 'vitest';
import { contractSteps, type StepName } from '../../contract/index.ts';
import { validateScenario } from '../../scenario/loadScenario.ts';
import { buildLoad } from '../buildLoad.ts';
import { fillPath, trafficSteps } from './trafficSteps.ts';

// A day of OPD and lab traffic (T1) and of ICMR samples (T4): every series and every traffic step.
const load = buildLoad(
  validateScenario({
    raw: {
      name: 'steps',
      seed: 5,
      client: { command: ['node', 'client.js'] },
      services: { ehospital: {}, icmr: {} },
      clock: { start: '07:00', duration: '17h', speed: 600 },
      traffic: [{ kind: 'profile', profile: 'T1', count: 600 }, { kind: 'profile', profile: 'T4', count: 400, batchSize: 20 }],
    },
    file: 'steps.yaml',
  }),
);
const visits = Object.values(load.series).flat();
// Ids earlier answers put on the slip, as a client would have answered them.
const answered = { uhid: 'UH00000001', visitId: 'V00000001', orderId: 'LO00000001', barcode: 'BC00000001', srfId: '1234567890123', srfIds: ['1234567890123'] };

describe('trafficSteps', () => {
  it('has a contract step for every step the traffic model plans, except lookup (no NIC call)', () => {
    const planned = new Set(visits.flatMap((visit) => visit?.steps.map((step) => step.name) ?? []));
    expect(planned.size).toBeGreaterThan(10);
    for (const name of planned) {
      if (name === 'lookup') expect(trafficSteps[name]).toBeUndefined();
      else expect(Object.keys(contractSteps), name).toContain(trafficSteps[name]?.step);
    }
  });

  it('builds bodies the client contract accepts, from the records the traffic model makes', () => {
    let checked = 0;
    for (const visit of visits) {
      for (const { name } of visit?.steps ?? []) {
        const definition = trafficSteps[name];
        if (!definition?.body) continue;
        const body = definition.body({ ...answered, record: visit?.record }, { labCode: 'KGMU-VRDL' });
        const result = contractSteps[definition.step as StepName].request.safeParse(body);
        expect(result.error?.issues, `${name} of ${visit?.entity}`).toBeUndefined();
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(1_000);
  });

  it('fills path parameters from the slip, URI-encoded (fetchReport: /lab/reports/:orderId)', () => {
    expect(fillPath(contractSteps.fetchReport.path, { orderId: 'ORD 7/1' })).toBe('/lab/reports/ORD%207%2F1');
  });
});
