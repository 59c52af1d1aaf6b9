import { describe, expect, it } from 'vitest';
import { tempTree } from '../../../test/support/fileTree.ts';
import { TimelineAccumulator } from '../aggregate/TimelineAccumulator.ts';
import { FaultTargetCounter } from '../validity/FaultTargetCounter.ts';
import { readUpstream } from './readUpstream.ts';

const target = { faultId: 'writes-503', service: 'ehospital', from: 0, to: 1_000 };
const read = async (runDir: string) => {
  const faultTargets = new FaultTargetCounter([target]);
  const upstream = await readUpstream({ runDir, timeline: new TimelineAccumulator(0, 1_000, 100), faultTargets });
  return { upstream, requests: faultTargets.requestsTo(target.faultId) };
};

describe('readUpstream', () => {
  it('counts the requests in a fault scope from upstream.ndjson, retries as attempts of one logical request', async () => {
    const line = { t: 500, service: 'ehospital', method: 'POST', route: '/ehospital/v1/registrations', status: 503, idempotencyKey: 'pt-1.register' };
    const runDir = await tempTree('upstream', { 'upstream.ndjson': `${JSON.stringify(line)}\n${JSON.stringify({ ...line, t: 600, status: 201 })}\n` });
    const { upstream, requests } = await read(runDir);
    expect(upstream).toMatchObject({ measured: true, attempts: 2, logical: 1 });
    expect(requests).toBe(2);
  });

  it('reads an empty upstream.ndjson as a client that sent NIC nothing, and a missing one as not measured', async () => {
    expect(await read(await tempTree('upstream', { 'upstream.ndjson': '' }))).toMatchObject({ upstream: { measured: true, attempts: 0 }, requests: 0 });
    expect(await read(await tempTree('upstream'))).toMatchObject({ upstream: { measured: false }, requests: undefined });
  });
});
