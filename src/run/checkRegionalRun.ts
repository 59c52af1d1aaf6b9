import { UserError } from '../core/index.ts';
import type { Scenario } from '../scenario/index.ts';

/**
 * A scenario with client regions runs one client instance per region, each of which thap starts behind its
 * own proxies: a client already running (`--target`) or the container stack cannot do that yet.
 */
export function checkRegionalRun({ scenario, target, stack, file }: { scenario: Scenario; target?: string; stack: 'local' | 'docker'; file?: string }): void {
  const regions = scenario.client.regions;
  if (!regions) return;
  const names = regions.map((region) => region.name).join(', ');
  const where = file ?? `scenario ${scenario.name}`;
  if (target !== undefined) {
    throw new UserError(
      `${where}: client.regions (${names}) needs one client per region started by thap from client.command, so --target ${target} cannot be used; drop --target, or remove client.regions (and any regional-partition fault) to test the one client at that URL`,
      { code: 'THAP_REGIONS_TARGET' },
    );
  }
  if (stack === 'docker') {
    throw new UserError(
      `${where}: client.regions (${names}) runs on the local stack only (one proxy and one client per region); run without --stack docker, or remove client.regions`,
      { code: 'THAP_REGIONS_STACK' },
    );
  }
}
