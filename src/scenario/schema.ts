import { z } from 'zod';
import { serviceConfigSchema } from '../../mocks/config.ts';
import { appTargetFields } from './faultCatalogue/app/appTargetFields.ts';
import { faultCatalogue, knownFaultKinds } from './faultCatalogue/catalogue.ts';
import type { ServiceName } from '../contract/index.ts';
import { allServices, durationField, serviceNameField, timeOfDayField } from './fields.ts';

/**
 * One client region: a hospital there runs its own instance of the client, behind its own Toxiproxy proxy
 * per NIC service, and gets `share` of the visits (outages.md O8: one region cut off, the others fine).
 */
const regionSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9-]*$/, 'region names are lower-case letters, digits and dashes (they name proxies and files)'),
  /** Share of the visits (0..1); the shares of all regions add up to 1. */
  share: z.number().positive('share must be above 0').max(1, 'share is a fraction of the visits, at most 1'),
});

/** The client system under test: a command thap starts, or a URL of one already running, or both. */
const clientSchema = z
  .strictObject({
    /** What reports call the client under test (a vendor's product name); absent, a name derived from the command or URL. */
    name: z.string().min(1).max(80).optional(),
    /** Command that starts the client, as an argument list (no shell). thap sets PORT and the NIC URLs. */
    command: z.array(z.string().min(1)).min(1).optional(),
    /** Base URL of a client that is already running (a vendor's); loopback unless --allow-host names it. */
    url: z.url().optional(),
    /** Port for a started client; a free one is picked when absent. */
    port: z.number().int().min(1024).max(65535).optional(),
    /**
     * A vendor mapping file (.yaml or .ts, docs/client-contract.md "Vendor mappings"), relative to the working
     * directory like the command's paths: the load speaks the vendor's own API through it, and every step the
     * scenario sends must be mapped. `thap run --client-mapping` overrides it.
     */
    mapping: z.string().min(1).optional(),
    /** Path answered with 2xx once the client is ready (with a mapping: the mapping's `health`). */
    health: z.string().startsWith('/').default('/health'),
    env: z.record(z.string(), z.string()).default({}),
    startupTimeout: durationField.default(20_000),
    /** How long k6 waits for one answer from the client (wall time). */
    requestTimeout: durationField.default(10_000),
    /**
     * Simulated time after the load ends by which every write the client accepted must be stored at NIC: the
     * run waits for the client's outbox at most this long (wall = simulated / speed), and integrity counts a
     * write not stored by then as undelivered. Default 60 minutes: at the 2x-normal flush ceiling of traffic.md
     * T5, the backlog of an outage of up to two hours at the day's peak (the shipped outages, outages.md O2,
     * O10, O13) is at NIC within an hour once the counters close.
     */
    drainDeadline: durationField.default(3_600_000),
    /**
     * Client regions, two or more: one client instance per region, each behind its own proxies, and each
     * visit sent to its region's instance (seeded by share). Absent: one client, one proxy per service.
     */
    regions: z.array(regionSchema).min(2, 'give two or more regions (one region is the default: leave regions out)').optional(),
  })
  .refine((client) => client.command !== undefined || client.url !== undefined, {
    message: 'give client.command (thap starts the client) or client.url (a client already running)',
  });

/**
 * A NIC service's behaviour (capacity, idempotency, sessions, callbacks) is the mocks' own configuration,
 * passed to them unchanged: one definition, in mocks/config.ts.
 */
const serviceSchema = serviceConfigSchema;

const speedField = z.number().positive('speed must be above 0').max(100_000, 'speed above 100000 compresses a day into under a second');

const clockSchema = z.strictObject({
  /** Simulated time of day the run starts at. */
  start: timeOfDayField,
  /** Simulated length of the run. */
  duration: durationField,
  /** The simulated day (YYYY-MM-DD), shown with the incident's times in reports; optional. */
  date: z.iso.date('date must be a day written YYYY-MM-DD, e.g. "2024-02-19"').optional(),
  /**
   * Simulated seconds per wall second (60 = one simulated hour per wall minute): from `start`, until the first
   * of `segments`. The services' wall figures and the client's THAP_TIME_SCALE are at this speed.
   */
  speed: speedField.default(1),
  /**
   * Later stretches of the clock at their own speed, each `from` a simulated time of day (`07:30+1d` on the
   * second day) until the next one or the clock's end: a long incident's quiet hours pass faster than its busy
   * ones, while every report still reads the true simulated clock (docs/scoring.md "Incident time"). The mocks
   * serve the services' figures as the same simulated figures in every segment (docs/nic-mocks.md "Incident clock").
   */
  segments: z.array(z.strictObject({ from: timeOfDayField, speed: speedField })).min(1, 'give at least one segment, or leave segments out for one speed').optional(),
});

/** Registrations at a constant simulated rate: the simplest traffic, used by the demo. */
const constantTraffic = z.strictObject({
  kind: z.literal('constant'),
  journey: z.enum(['opd-registration']),
  /** Arrivals per simulated second. KGMU's peak is ~0.5 registrations/s (traffic.md T1). */
  ratePerSecond: z.number().positive('ratePerSecond must be above 0'),
  /** Simulated time of day the arrivals start (default: the clock's start): a step of load (outages.md O6). */
  at: timeOfDayField.optional(),
  /** How long they last (simulated), or `until` a time of day; default: to the clock's end. */
  for: durationField.optional(),
  until: timeOfDayField.optional(),
});

/** A traffic profile of domain/traffic.md (T1-T5), scaled and shifted; its day is windowed to the clock. */
const profileTraffic = z.strictObject({
  kind: z.literal('profile'),
  /** T1 OPD weekday, T2 Monday/post-holiday surge, T3 ORS online, T4 sample day, T5 post-recovery backlog. */
  profile: z.enum(['T1', 'T2', 'T3', 'T4', 'T5']),
  /** Patients or samples in the whole simulated day (the profile's default when absent). */
  count: z.number().int().positive('count must be at least 1').optional(),
  /** Multiplies the count (e.g. 100 on T4 for India's 2021 peak [26]). */
  scale: z.number().positive('scale must be above 0').optional(),
  /** Hour the profile's curve starts (moves the whole curve). */
  startHour: z.number().min(0).lt(24).optional(),
  /** A named variant: T2 `monday` or `post-holiday`, T3 `mon`..`sun` or `holiday`. */
  variant: z.string().optional(),
  /** Samples per consignment (T4). */
  batchSize: z.number().int().positive().optional(),
  /** The profile's day on this many consecutive simulated days (a multi-day incident, outages.md O2); default 1. */
  days: z.number().int().min(1, 'days is at least 1').max(7, 'days is at most 7').optional(),
  /**
   * T1 and T2: the patients queued before the counters open arrive within this long after opening (a burst
   * at 08:00, traffic.md T1) instead of spread over the hour before; absent, as the profile spreads them.
   */
  openingBurst: durationField.optional(),
});

const trafficSchema = z.discriminatedUnion('kind', [constantTraffic, profileTraffic]);

export const faultTiming = {
  id: z.string().regex(/^[a-z0-9-]+$/, 'ids are lower-case letters, digits and dashes').optional(),
  service: serviceNameField,
  /** Simulated time of day the fault starts. */
  at: timeOfDayField,
  /** How long it lasts (simulated); or give `until`. */
  for: durationField.optional(),
  until: timeOfDayField.optional(),
  /** Repeats the fault: `times` occurrences, each `every` after the previous start (flapping, outages.md O3). */
  repeat: z
    .strictObject({
      every: durationField,
      times: z.number().int().min(2, 'times is at least 2 (one occurrence needs no repeat)').max(1_000),
      /** Each later start moves by a seeded draw in [0, jitter): irregular flapping. */
      jitter: durationField.default(0),
    })
    .optional(),
};

/** The common fields of a kind: `service` is optional for a kind that names its services in its settings. */
export function faultTimingOf(kind: { serviceOptional?: boolean }): typeof faultTiming {
  return kind.serviceOptional ? { ...faultTiming, service: serviceNameField.optional() as unknown as typeof serviceNameField } : faultTiming;
}

/** A fault in the timeline: where and when (times in simulated ms) plus its kind's own settings. */
export interface FaultEntry {
  kind: string;
  id?: string;
  /** `all` only for kinds whose settings name their services (`regional-partition`) when none is given. */
  service: ServiceName | typeof allServices;
  at: number;
  for?: number;
  until?: number;
  repeat?: { every: number; times: number; jitter: number };
  [setting: string]: unknown;
}

/**
 * A fault: `kind`, its target and timing, and the kind's own fields beside them. The common part and the
 * kind's settings (the kind's own strict schema, for app faults the mocks' own) are checked separately,
 * every problem reported with its path; an unknown kind lists the known ones.
 */
function faultSchema(): z.ZodType<FaultEntry> {
  return z.looseObject({ kind: z.string({ error: 'give the fault a kind' }) }).transform((raw, ctx): FaultEntry => {
    const kind = faultCatalogue.get(raw.kind);
    if (!kind) {
      ctx.addIssue({ code: 'custom', path: ['kind'], message: `unknown fault kind (got ${JSON.stringify(raw.kind)}); known kinds: ${knownFaultKinds().join(', ')}` });
      return z.NEVER;
    }
    const commonFields = { kind: z.string(), ...faultTimingOf(kind), ...(kind.layer === 'app' ? appTargetFields : {}) };
    const common: Record<string, unknown> = {};
    const own: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(raw)) (key in commonFields ? common : own)[key] = value;
    const commonResult = z.object(commonFields).safeParse(common);
    const ownResult = kind.settings.safeParse(own);
    for (const result of [commonResult, ownResult]) {
      if (result.success) continue;
      for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
    if (!commonResult.success || !ownResult.success) return z.NEVER;
    const entry = { ...(commonResult.data as FaultEntry), ...(ownResult.data as Record<string, unknown>) };
    if (kind.serviceOptional) {
      const services = entry.services as ServiceName[] | undefined;
      if (services && raw.service !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['service'], message: 'give either service (one) or services (a list), not both' });
        return z.NEVER;
      }
      // The label the plan and the event log show: the one service, or `all` for several or every one.
      if (entry.service === undefined) entry.service = services?.length === 1 ? (services[0] as ServiceName) : allServices;
    }
    return entry;
  }) as unknown as z.ZodType<FaultEntry>;
}

export const scenarioSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'name is lower-case letters, digits and dashes (it names the report folder)'),
  title: z.string().optional(),
  description: z.string().optional(),
  /** The real incidents the scenario is based on (domain/outages.md, with source numbers). */
  basedOn: z.array(z.string()).default([]),
  seed: z.number().int().min(0).default(1),
  client: clientSchema,
  services: z.partialRecord(serviceNameField, serviceSchema).default({}),
  clock: clockSchema,
  traffic: z.array(trafficSchema).min(1, 'give at least one traffic entry'),
  faults: z.array(faultSchema()).default([]),
  gates: z.array(z.string()).default([]),
});

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
