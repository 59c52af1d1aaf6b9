import type { MocksConfig } from '../../mocks/config.ts';
import { scenarioClock, type Scenario } from '../scenario/index.ts';

/**
 * The mocks' config of a scenario's run, however the stack hands it over (a file, a container's copy, a
 * ConfigMap): its services and, with clock segments, the incident clock, so that the mocks serve every service
 * figure as the same simulated figure in each segment (docs/nic-mocks.md "Incident clock"). A one-speed
 * scenario's config is its services alone, served as given.
 */
export function mocksConfigOf(scenario: Pick<Scenario, 'services' | 'clock'>): MocksConfig {
  return { services: scenario.services, ...(scenario.clock.segments?.length ? { clock: scenarioClock(scenario.clock) } : {}) } as MocksConfig;
}
