import { UserError } from '../../core/index.ts';
import type { ProfileDefinition } from './profileDefinition.ts';
import { t1OpdWeekday } from './t1OpdWeekday.ts';
import { t2MondaySurge } from './t2MondaySurge.ts';
import { t3OrsOnline } from './t3OrsOnline.ts';
import { t4SampleDay } from './t4SampleDay.ts';
import { t5PostRecoveryBacklog } from './t5PostRecoveryBacklog.ts';

/** Every profile of `domain/traffic.md`, by name. */
export const profiles: readonly ProfileDefinition[] = [t1OpdWeekday, t2MondaySurge, t3OrsOnline, t4SampleDay, t5PostRecoveryBacklog];

/** The profile called `name` (case-insensitive); an unknown name is a UserError listing the known ones. */
export function getProfile(name: string): ProfileDefinition {
  const found = profiles.find((p) => p.name.toLowerCase() === name.trim().toLowerCase());
  if (!found) {
    throw new UserError(`unknown traffic profile ${JSON.stringify(name)}; known profiles: ${profiles.map((p) => p.name).join(', ')} (see \`thap generate --list\`)`, {
      code: 'THAP_UNKNOWN_PROFILE',
    });
  }
  return found;
}
