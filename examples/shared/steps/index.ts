import type { ClientConfig } from '../config.ts';
import type { JourneyStep } from './journeyStep.ts';
import { registerStep } from './register.ts';

/** Every journey step the reference clients serve, in journey order. */
export const journeySteps: readonly JourneyStep[] = [registerStep];

/** The steps a client serves: every step whose NIC service has a base URL configured. */
export function configuredSteps(config: ClientConfig): JourneyStep[] {
  return journeySteps.filter((step) => config.nic[step.service] !== undefined);
}
