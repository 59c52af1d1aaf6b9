import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatSummary } from '../../report/formatSummary.ts';
import type { Report } from '../reportSchema.ts';
import { phaseSchema } from '../reportSchema.ts';
import { aggregateK6 } from './aggregateK6.ts';
import { TimelineAccumulator } from './TimelineAccumulator.ts';
import { toPhase } from './toPhase.ts';

const HEADER = 'metric_name,timestamp,metric_value,check,error,error_code,expected_response,group,method,name,proto,scenario,service,status,subproto,tls_version,url,extra_tags,metadata';
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

/** One request and its outcome as k6 writes them, tagged with a region when given. */
function visit({ at, ok, outcome, region, index }: { at: number; ok: boolean; outcome: string; region?: string; index: number }): string {
  const tags = region ? `region=${region}` : '';
  return [
    `http_req_duration,${at + 10},10.000000,,,,${ok},,POST,createSrf,HTTP/1.1,srf,,${ok ? 200 : 0},,,createSrf,${tags},entity=sm-${index}.createSrf`,
    `thap_outcome,${at + 11},1.000000,,,,,,,,,srf,,,,,,step=createSrf&outcome=${outcome}${region ? `&region=${region}` : ''},entity=sm-${index}.createSrf`,
  ].join('\n');
}

async function phasesOf(rows: string[]) {
  const dir = await mkdtemp(join(tmpdir(), 'thap-regions-score-'));
  dirs.push(dir);
  const file = join(dir, 'k6.csv');
  await writeFile(file, `${HEADER}\n${rows.join('\n')}\n`);
  const windows = [
    { name: 'baseline', kind: 'baseline' as const, faultIds: [], start: 0, end: 1_000 },
    { name: 'fault', kind: 'fault' as const, faultIds: ['f1'], start: 1_000, end: 2_000 },
  ];
  const aggregate = await aggregateK6({ file, windows, timeline: new TimelineAccumulator(0, 2_000, 500), sloMs: 1_000 });
  return aggregate.phases.map((acc) => toPhase({ acc, clock: { speed: 1, t0: 0, simStartMs: 0 }, baselineP95: null, loadFrom: 0, loadTo: 2_000 }));
}

describe('per-region phases (client regions, outages.md O8)', () => {
  it('splits requests and answers by region: one region cut off, the other fine', async () => {
    const rows: string[] = [];
    for (let index = 0; index < 20; index += 1) {
      const at = index * 100;
      const region = index % 2 === 0 ? 'lucknow' : 'tirupati';
      const cutOff = region === 'tirupati' && at >= 1_000;
      rows.push(visit({ at, ok: !cutOff, outcome: cutOff ? 'failed' : 'done', region, index }));
    }
    const [baseline, fault] = await phasesOf(rows);
    expect(baseline?.regions).toEqual({
      lucknow: { requests: 5, successes: 5, availability: 1, outcomes: { done: 5, queued: 0, failed: 0 } },
      tirupati: { requests: 5, successes: 5, availability: 1, outcomes: { done: 5, queued: 0, failed: 0 } },
    });
    expect(fault?.regions).toEqual({
      lucknow: { requests: 5, successes: 5, availability: 1, outcomes: { done: 5, queued: 0, failed: 0 } },
      tirupati: { requests: 5, successes: 0, availability: 0, outcomes: { done: 0, queued: 0, failed: 5 } },
    });
    expect(fault?.availability).toBe(0.5);
    expect(phaseSchema.parse(fault)).toEqual(fault);
    const summary = formatSummary({
      scenario: { name: 'o8', fingerprint: 'x', seed: 1 },
      status: 'passed',
      run: {},
      clock: { speed: 1, t0: 0, simStartMs: 0 },
      harm: { journeys: [], backlog: null, summary: [] },
      phases: [fault],
      faults: [],
      recovery: { faultStart: null },
      integrity: { accepted: 0, stored: 0, lost: 0, duplicated: 0, pending: 0 },
      nic: { measured: false },
      score: { total: 50, version: '1', components: [] },
      gates: [],
      warnings: [],
    } as unknown as Report);
    expect(summary).toContain('tirupati: requests 5, availability 0.0%, done 0, queued 0, failed 5');
    expect(summary).toContain('lucknow: requests 5, availability 100.0%, done 5, queued 0, failed 0');
  });

  it('adds no regions to a run without them', async () => {
    const rows = Array.from({ length: 10 }, (_, index) => visit({ at: index * 200, ok: true, outcome: 'done', index }));
    for (const phase of await phasesOf(rows)) expect(phase).not.toHaveProperty('regions');
  });
});
