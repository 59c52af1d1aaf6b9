import { describe, expect, it } from 'vitest';
import { tempTree } from '../../test/support/fileTree.ts';
import { forgets } from '../../examples/bad/forgets.ts';
import { flawsCommitted } from './flawsCommitted.ts';

/** A run directory with these client logs and a k6.csv in which k6 heard `heard` (correlation id, outcome). */
async function runDirWith(logs: Record<string, object[]>, heard: ReadonlyArray<[string, string]> = []): Promise<string> {
  const clientLogs = Object.entries(logs).map(([file, lines]) => [file, `${['not json: the client printed this', ...lines.map((line) => JSON.stringify(line))].join('\n')}\n`]);
  const header = 'metric_name,timestamp,metric_value,check,error,error_code,expected_response,group,method,name,proto,scenario,service,status,subproto,tls_version,url,extra_tags,metadata';
  const rows = heard.map(([entity, outcome], i) => `thap_outcome,${1000 + i},1.000000,,,,,,,,,opd,,,,,,step=register&outcome=${outcome},entity=${entity}&nic=X`);
  return tempTree('flaws', { ...Object.fromEntries(clientLogs), 'k6.csv': `${[header, 'http_reqs,999,1.000000,,,,true,,GET,register,HTTP/1.1,opd,,200,,,x,,', ...rows].join('\n')}\n` });
}

/** Every write k6 heard answered `outcome`. */
const heardAll = (ids: readonly string[], outcome: string): Array<[string, string]> => ids.map((id) => [id, outcome]);

describe('flawsCommitted', () => {
  it("counts the lying client's made-up done answers in every client log of the run (one per region)", async () => {
    const runDir = await runDirWith({
      'client-lucknow.log': [
        { step: 'register', correlationId: 'pt-1.register', outcome: 'done', reason: 'made up NIC ids: NIC ehospital answered 503' },
        { step: 'register', correlationId: 'pt-2.register', outcome: 'done' },
      ],
      'client-tirupati.log': [{ step: 'createSrf', correlationId: 'srf-1.createSrf', outcome: 'done', reason: 'made up NIC ids: connect ECONNREFUSED' }],
      'mocks.log': [{ outcome: 'done', reason: 'made up NIC ids: not a client log' }],
    }, heardAll(['pt-1.register', 'pt-2.register', 'srf-1.createSrf'], 'done'));
    expect(await flawsCommitted({ runDir, client: { flaw: 'made-up-ids' } })).toBe(2);
  });

  it('leaves out a made-up answer the load generator never heard (it had timed the request out) or heard otherwise', async () => {
    const runDir = await runDirWith({
      'client.log': [
        { step: 'createSrf', correlationId: 'srf-1.createSrf', outcome: 'done', reason: 'made up NIC ids: NIC unreachable' },
        { step: 'createSrf', correlationId: 'srf-2.createSrf', outcome: 'done', reason: 'made up NIC ids: NIC unreachable' },
        { step: 'createSrf', correlationId: 'srf-3.createSrf', outcome: 'done', reason: 'made up NIC ids: NIC unreachable' },
      ],
    }, [['srf-1.createSrf', 'done'], ['srf-3.createSrf', 'failed']]);
    expect(await flawsCommitted({ runDir, client: { flaw: 'made-up-ids' } })).toBe(1);
  });

  it("counts the writes the dropping client answered queued and its seeded drop forgets, once each; reads and other writes are not", async () => {
    const ids = Array.from({ length: 400 }, (_, i) => `pt-${i}.register`);
    const forgotten = ids.filter((correlationId) => forgets({ seed: 1, share: 0.05, correlationId }));
    const runDir = await runDirWith({
      'client.log': [
        ...ids.map((correlationId) => ({ step: 'register', correlationId, outcome: 'queued' })),
        ...forgotten.map((correlationId) => ({ step: 'register', correlationId, outcome: 'queued' })),
        { step: 'fetchReport', correlationId: forgotten[0], outcome: 'queued' },
      ],
    }, heardAll(ids, 'queued'));
    expect(forgotten.length).toBeGreaterThan(5);
    const env = { BAD_CLIENT_DROP_SHARE: '0.05', BAD_CLIENT_DROP_SEED: '1' };
    expect(await flawsCommitted({ runDir, client: { flaw: 'drops-queued', env } })).toBe(forgotten.length);
    const halfHeard = await runDirWith({ 'client.log': ids.map((correlationId) => ({ step: 'register', correlationId, outcome: 'queued' })) }, heardAll(forgotten.slice(1), 'queued'));
    expect(await flawsCommitted({ runDir: halfHeard, client: { flaw: 'drops-queued', env } })).toBe(forgotten.length - 1);
  });

  it('says nothing for a client without a flaw or a run without a client log', async () => {
    const runDir = await runDirWith({});
    expect(await flawsCommitted({ runDir, client: {} })).toBeUndefined();
    expect(await flawsCommitted({ runDir, client: { flaw: 'made-up-ids' } })).toBeUndefined();
  });
});
