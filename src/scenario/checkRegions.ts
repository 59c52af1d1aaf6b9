import type { Issue } from '../core/index.ts';
import type { Scenario } from './schema.ts';

/** Shares are written as decimals (0.7, 0.3): their sum may be off by rounding, not by more. */
const SHARE_TOLERANCE = 1e-6;

/**
 * Cross-checks of client regions (`client.regions`) and the faults that name one: region names are unique,
 * shares add up to 1, every region's instance is started by thap (no client.url, no fixed client.port), and
 * a `regional-partition` names a declared region and declared services.
 */
export function checkRegions(scenario: Scenario): Array<Omit<Issue, 'file'>> {
  const issues: Array<Omit<Issue, 'file'>> = [];
  const regions = scenario.client.regions;
  const names = (regions ?? []).map((region) => region.name);
  if (regions) {
    names.forEach((name, index) => {
      if (names.indexOf(name) !== index) issues.push({ path: `client.regions.${index}.name`, message: `region "${name}" is named twice; region names must be unique` });
    });
    const sum = regions.reduce((total, region) => total + region.share, 0);
    if (Math.abs(sum - 1) > SHARE_TOLERANCE) {
      issues.push({ path: 'client.regions', message: `the shares add up to ${Number(sum.toFixed(6))}, not 1; make them fractions of all visits (e.g. 0.7 and 0.3)` });
    }
    if (scenario.client.url !== undefined) {
      issues.push({ path: 'client.url', message: 'with client.regions thap starts one client per region from client.command; remove client.url' });
    }
    if (scenario.client.command === undefined) {
      issues.push({ path: 'client.command', message: 'client.regions needs client.command: thap starts one client per region from it' });
    }
    if (scenario.client.port !== undefined) {
      issues.push({ path: 'client.port', message: 'with client.regions each region\'s client gets a free port; remove client.port' });
    }
  }
  const declared = Object.keys(scenario.services);
  scenario.faults.forEach((fault, index) => {
    if (fault.kind !== 'regional-partition') return;
    const path = `faults.${index}`;
    const region = fault.region as string;
    if (!regions) {
      issues.push({ path: `${path}.region`, message: 'regional-partition needs client regions: declare client.regions (e.g. [{ name: lucknow, share: 0.7 }, { name: tirupati, share: 0.3 }])' });
    } else if (!names.includes(region)) {
      issues.push({ path: `${path}.region`, message: `region "${region}" is not in client.regions (declared: ${names.join(', ')})` });
    }
    const services = fault.services as string[] | undefined;
    (services ?? []).forEach((service, at) => {
      if (!declared.includes(service)) issues.push({ path: `${path}.services.${at}`, message: `service "${service}" is not declared under services (declared: ${declared.join(', ') || 'none'}); add it there` });
    });
  });
  return issues;
}
