import type { MocksConfig } from '../../mocks/config.ts';
import { scenarioClock, type Scenario } from '../scenario/index.ts';

/**
 * The mocks' config of a scenario's run, however the stack hands it over (a file, a container's copy, a
 * ConfigMap): its services and the incident clock. With segments the mocks serve every service figure as the same
 * simulated figure in each segment; at one speed they serve the figures as given, and the clock's speed turns
 * NIC's own lifetimes (a QR's 15 minutes, a share token's 30) into the wall time of the run (docs/nic-mocks.md
 * "Incident clock").
 */
export function mocksConfigOf(scenario: Pick<Scenario, 'services' | 'clock'>): MocksConfig {
  return { services: scenario.services, clock: scenarioClock(scenario.clock) } as MocksConfig;
}
