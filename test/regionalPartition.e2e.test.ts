import { createReadStream } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parse as parseCsv } from 'csv-parse';
import { describe, expect, it } from 'vitest';
import { tagValue } from '../src/scoring/k6/parseTags.ts';
import { leftovers, runDirOf } from './support/leftovers.ts';
import { runThap } from './support/runThap.ts';
import { withoutPdf } from './support/withoutPdf.ts';
import { scenarioCopy } from './support/scenarioCopy.ts';

interface Outcome {
  at: number;
  region: string;
  outcome: string;
}

/** Every thap_outcome sample of k6.csv with its time and its region tag. */
async function outcomes(runDir: string): Promise<Outcome[]> {
  const rows: Outcome[] = [];
  const parser = createReadStream(join(runDir, 'k6.csv')).pipe(parseCsv({ columns: true }));
  for await (const row of parser as AsyncIterable<Record<string, string>>) {
    if (row.metric_name !== 'thap_outcome') continue;
    rows.push({ at: Number(row.timestamp), region: tagValue(row.extra_tags, 'region') ?? '', outcome: tagValue(row.extra_tags, 'outcome') ?? '' });
  }
  return rows;
}

/** The shipped O8, shortened: 10 h in 30 s of wall time (the fault from +6 s to +21 s), 1,500 samples. */
async function shortenedO8(): Promise<{ file: string; dir: string }> {
  const file = await scenarioCopy('scenarios/o8-regional-partition.yaml', (scenario) => {
    scenario.clock.speed = 1_200;
    scenario.traffic[0]!.count = 1_500;
    scenario.client.requestTimeout = '3s';
  });
  return { file, dir: dirname(file) };
}

// outages.md O8 for real: the shipped scenario, shortened (fewer samples, faster clock), two naive clients,
// one per region, behind their own proxies. While Tirupati is cut off its SRFs get no answer; Lucknow's do.
describe('o8 regional partition, run for real', { timeout: 240_000 }, () => {
  it('the partitioned region\'s SRFs fail in the fault while the other region\'s succeed', async () => {
    const { file, dir } = await shortenedO8();
    const result = await runThap(['run', file, '--ci', '--out', dir, ...withoutPdf]);
    const runDir = runDirOf(result.stderr);
    // The naive clients refuse the cut-off region's SRFs, so the run fails O8's harm gate and its gate on the
    // cut-off region's answers, and only those.
    expect(result.code, result.stderr.slice(-3_000)).toBe(1);

    const events = (await readFile(join(runDir, 'faults.ndjson'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { action: string; ok: boolean; actualAt: number });
    const applied = events.find((event) => event.action === 'apply');
    const removed = events.find((event) => event.action === 'remove');
    expect(applied?.ok).toBe(true);
    expect(removed?.ok).toBe(true);
    // Answers recorded from 1 s into the fault until it ends: anything sent before it has long come back.
    const inFault = (await outcomes(runDir)).filter((row) => row.at > applied!.actualAt + 1_000 && row.at <= removed!.actualAt);
    const count = (region: string, outcome?: string) => inFault.filter((row) => row.region === region && (outcome === undefined || row.outcome === outcome)).length;
    expect(count('tirupati')).toBeGreaterThan(20);
    expect(count('tirupati', 'done')).toBe(0);
    expect(count('tirupati', 'failed')).toBe(count('tirupati'));
    expect(count('lucknow')).toBeGreaterThan(100);
    expect(count('lucknow', 'done') / count('lucknow')).toBeGreaterThan(0.95);

    const all = await outcomes(runDir);
    expect(all.filter((row) => row.region === 'tirupati' && row.outcome === 'done').length, 'tirupati before and after the fault').toBeGreaterThan(20);
    for (const name of ['client-lucknow.log', 'client-tirupati.log']) await access(join(runDir, name));
    type RegionCounts = { requests: number; availability: number | null; outcomes: { done: number; failed: number } };
    const report = JSON.parse(await readFile(join(runDir, 'report.json'), 'utf8')) as {
      status: string;
      gates: Array<{ expr: string; passed: boolean; actual: number | boolean | null }>;
      integrity: { lost: number; accepted: number };
      phases: Array<{ name: string; regions?: Record<string, RegionCounts> }>;
    };
    expect(report.status).toBe('failed');
    const failedGates = report.gates.filter((gate) => !gate.passed);
    expect(failedGates.map((gate) => gate.expr).sort()).toEqual(['harm.srf.notCompletedShare <= 5%', 'region.tirupati.phase.fault.availability >= 0.5']);
    expect(failedGates.find((gate) => gate.expr.startsWith('harm.srf'))?.actual, 'percent of the SRFs offered').toBeGreaterThan(5);
    expect(failedGates.find((gate) => gate.expr.startsWith('region.tirupati'))?.actual, "share of Tirupati's requests answered in the fault").toBeLessThan(0.5);
    expect(report.integrity.lost).toBe(0);
    expect(report.integrity.accepted).toBeGreaterThan(500);
    // The report shows it too: in the fault phase Tirupati's availability collapses while Lucknow's holds.
    const fault = report.phases.find((phase) => phase.name === 'fault')?.regions;
    expect(fault?.tirupati?.availability).toBeLessThan(0.2);
    expect(fault?.lucknow?.availability).toBeGreaterThan(0.95);
    expect(report.phases.find((phase) => phase.name === 'baseline')?.regions?.tirupati?.availability).toBeGreaterThan(0.95);
    expect(result.stdout + result.stderr).toMatch(/tirupati: requests \d+, availability/);
    expect(await leftovers(runDir)).toEqual({ processes: [], ports: [] });
  });

  it('an interrupt during the partition removes it from every proxy it touched and stops both clients', async () => {
    const { file, dir } = await shortenedO8();
    const result = await runThap(['run', file, '--ci', '--out', dir, ...withoutPdf], { signal: 'SIGINT', signalWhen: /faults: tirupati-cut-off/ });
    expect(result.code, result.stderr.slice(-2_000)).toBe(130);
    const runDir = runDirOf(result.stderr);
    const events = (await readFile(join(runDir, 'faults.ndjson'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { action: string; ok: boolean; reason?: string });
    expect(events.map((event) => `${event.action} ${event.ok}`)).toEqual(['apply true', 'remove true']);
    expect(events[1]?.reason).toBe('interrupted by SIGINT');
    expect(await leftovers(runDir)).toEqual({ processes: [], ports: [] });
  });
});
