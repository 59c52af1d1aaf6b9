import { describe, expect, it } from 'vitest';
import { ValidationError } from '../core/index.ts';
import { loadScenario } from './loadScenario.ts';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

async function problems(file: string): Promise<ValidationError> {
  const error = await loadScenario(file).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describe('loadScenario', () => {
  it('loads the demo scenario with defaults applied', async () => {
    const { scenario } = await loadScenario('scenarios/demo.yaml');
    expect(scenario.name).toBe('demo');
    expect(scenario.clock).toEqual({ date: '2024-02-19', start: 9.5 * 3_600_000, duration: 3_600_000, speed: 60 });
    expect(scenario.faults[0]).toMatchObject({ kind: 'down', service: 'ehospital', at: 9.833 * 3_600_000 + 1_200, for: 900_000 });
    expect(scenario.services.ehospital).toMatchObject({ idempotency: true });
  });

  it('keeps NIC capacity the same in simulated terms when --speed overrides the clock', async () => {
    const { scenario } = await loadScenario('scenarios/demo.yaml', { overrides: { speed: 30 } });
    expect(scenario.clock.speed).toBe(30);
    // demo.yaml: 60 per wall second with Retry-After 1 s at 60x is 30 per wall second and 2 s at 30x.
    expect(scenario.services.ehospital?.capacity).toMatchObject({ ratePerSec: 30, retryAfterSec: 2, queueLimit: 30 });
  });

  it('reports every schema problem at once, each with line, column, path and the bad value', async () => {
    const error = await problems(fixture('many-problems.yaml'));
    const lines = error.issues.map((issue) => `${issue.line}:${issue.column} ${issue.path}: ${issue.message}`);
    expect(lines.some((line) => line.startsWith('1:7 name:') && line.includes('"Bad Name"'))).toBe(true);
    expect(lines.some((line) => line.startsWith('4:3 client:') && line.includes('client.command'))).toBe(true);
    expect(lines.some((line) => line.includes('services.ehospital.idempotency') && line.includes('"sometimes"'))).toBe(true);
    expect(lines.some((line) => line.startsWith('8:10 clock.start') && line.includes('"25:00"'))).toBe(true);
    expect(lines.some((line) => line.includes('clock.speed') && line.includes('-3'))).toBe(true);
    expect(lines.some((line) => line.includes('traffic.0') && line.includes('extra'))).toBe(true);
    expect(lines.some((line) => line.includes('faults.0') && line.includes('known kinds: bandwidth, black-hole,') && line.includes('http-status'))).toBe(true);
    expect(lines.some((line) => line.includes('faults.1.latencyMs') && line.includes('-200'))).toBe(true);
    expect(error.message.split('\n')[0]).toContain('many-problems.yaml');
  });

  it('checks cross-references: declared services, times inside the run, for/until, gates', async () => {
    const error = await problems(fixture('cross-references.yaml'));
    const byPath = new Map(error.issues.map((issue) => [issue.path, issue.message]));
    expect(byPath.get('faults.0.service')).toContain('"icmr" is not declared');
    expect(byPath.get('faults.1.for')).toContain('after the run ends at 10:00');
    expect(byPath.get('faults.2.at')).toContain('outside the run');
    expect(byPath.get('faults.3')).toContain('exactly one of "for"');
    expect(byPath.get('gates.0')).toMatch(/score|>>=/);
    expect(error.issues.find((issue) => issue.path === 'faults.0.service')?.line).toBe(15);
  });

  it('reports a YAML syntax error with its position', async () => {
    const error = await problems(fixture('not-yaml.yaml'));
    expect(error.issues[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it('refuses other file types and missing files as user errors', async () => {
    await expect(loadScenario('scenario.json')).rejects.toThrow(/\.yaml, \.yml or \.ts/);
    await expect(loadScenario('missing.yaml')).rejects.toThrow(/cannot read the scenario: ENOENT/);
  });

  it('takes service figures beside a segmented clock, rescaled with the segments by --speed', async () => {
    expect((await loadScenario(fixture('segments-with-capacity.yaml'))).scenario.services.ehospital?.capacity?.ratePerSec).toBe(50);
    const { scenario } = await loadScenario(fixture('segments-with-capacity.yaml'), { overrides: { speed: 120 } });
    expect(scenario.services.ehospital?.capacity?.ratePerSec).toBe(100);
    expect(scenario.clock.segments?.map((segment) => segment.speed)).toEqual([1200]);
  });

  it('scales every clock segment with --speed, keeping their ratios', async () => {
    const { scenario } = await loadScenario(fixture('../../../scenarios/o2-crash-at-peak.yaml'), { overrides: { speed: 60 } });
    expect(scenario.clock.speed).toBe(60);
    expect(scenario.clock.segments?.map((segment) => segment.speed)).toEqual([30, 60, 180, 300, 1800, 30, 60, 180]);
  });
});
