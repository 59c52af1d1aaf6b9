import { describe, expect, it } from 'vitest';
import { ValidationError } from '../core/index.ts';
import { loadScenario } from './loadScenario.ts';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

describe('checkFaultRoutes: an app fault must match a route of its mock service', () => {
  it('refuses a route or a method that matches no route, naming the field, its line and the routes that exist', async () => {
    const error = (await loadScenario(fixture('fault-routes.yaml')).catch((caught: unknown) => caught)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    const byPath = new Map(error.issues.map((issue) => [issue.path, issue]));
    expect(byPath.get('faults.0.route')?.message).toMatch(/^matches no route of the icmr mock \(got any method \/icmr\/v1\/consignment\); use one of the routes it serves: POST \/icmr\/v1\/sessions, .*POST \/icmr\/v1\/consignments/);
    expect(byPath.get('faults.0.route')?.line).toBe(16);
    expect(byPath.get('faults.1.method')?.message).toContain('(got GET /icmr/v1/consignments)');
    // The third fault targets a route the icmr mock serves.
    expect(error.issues.filter((issue) => issue.path.startsWith('faults.2'))).toEqual([]);
  });

  it('accepts every shipped scenario with a route-targeted fault', async () => {
    for (const file of ['scenarios/o13-night-consignment-outage.yaml', 'scenarios/o10-barcode-down.yaml']) {
      await expect(loadScenario(file)).resolves.toBeDefined();
    }
  });
});
