import { z } from 'zod';
import { serviceNames } from '../contract/index.ts';
import { parseDuration } from './duration.ts';
import { parseTimeOfDay } from '../util/index.ts';

/** A duration with units (`90s`, `15m`, `1h30m`), parsed to milliseconds. */
export const durationField = z
  .string({ error: 'expected a duration such as "90s", "15m" or "1h30m"' })
  .transform((text, ctx) => {
    const ms = parseDuration(text);
    if (ms === undefined) {
      ctx.addIssue({ code: 'custom', message: `not a duration (got ${JSON.stringify(text)}); write e.g. "90s", "15m", "1h30m"` });
      return z.NEVER;
    }
    return ms;
  });

/** A simulated time of day (`10:00`, `21:30:15`, `00:30+1d`), parsed to milliseconds after 00:00 of day 0. */
export const timeOfDayField = z
  .string({ error: 'expected a time of day such as "10:00"' })
  .transform((text, ctx) => {
    const ms = parseTimeOfDay(text);
    if (ms === undefined) {
      ctx.addIssue({ code: 'custom', message: `not a time of day (got ${JSON.stringify(text)}); write "HH:MM", "HH:MM:SS" or "00:30+1d"` });
      return z.NEVER;
    }
    return ms;
  });

/** One of the NIC services (contract/services.ts). */
export const serviceNameField = z.enum(serviceNames);

/** A fault's `service` when it acts on every service it may (a regional partition naming none). */
export const allServices = 'all';
