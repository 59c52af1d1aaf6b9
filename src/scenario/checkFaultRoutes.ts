import type { Issue } from '../core/index.ts';
import { routeCatalogue, routesMatching } from '../../mocks/routeCatalogue.ts';
import { faultCatalogue } from './faultCatalogue/catalogue.ts';
import { allServices } from './fields.ts';
import type { Scenario } from './schema.ts';

/**
 * An application fault's `route` and `method` must match at least one route of its mock service: a fault
 * that matches none would apply "ok" and never fire. The problem names the routes that exist.
 */
export function checkFaultRoutes(scenario: Scenario): Array<Omit<Issue, 'file'>> {
  const issues: Array<Omit<Issue, 'file'>> = [];
  scenario.faults.forEach((fault, index) => {
    if (faultCatalogue.get(fault.kind)?.layer !== 'app' || fault.service === allServices) return;
    const route = typeof fault.route === 'string' ? fault.route : undefined;
    const method = typeof fault.method === 'string' ? fault.method : undefined;
    if (route === undefined && method === undefined) return;
    if (routesMatching({ service: fault.service, route, method }).length > 0) return;
    const known = routeCatalogue[fault.service].join(', ');
    const path = `faults.${index}.${route !== undefined && routesMatching({ service: fault.service, route }).length === 0 ? 'route' : 'method'}`;
    const got = `${method ?? 'any method'} ${route ?? 'any route'}`;
    issues.push({ path, message: `matches no route of the ${fault.service} mock (got ${got}); use one of the routes it serves: ${known}` });
  });
  return issues;
}
