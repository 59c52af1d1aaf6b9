import { z } from 'zod';
import { serviceNames, type ServiceName } from '../src/contract/index.ts';
import { timerMs, timerSec } from './shared/timerBounds.ts';

/**
 * Capacity of one service (docs/nic-mocks.md "Capacity"): at most `concurrency` requests in service at once
 * and `ratePerSec` started per second; the rest wait in a queue of at most `queueLimit`, and beyond it get
 * 503 with `Retry-After: retryAfterSec`. Omitted means unlimited.
 */
export const capacitySchema = z.strictObject({
  ratePerSec: z.number().positive().optional(),
  concurrency: z.number().int().positive().optional(),
  queueLimit: z.number().int().nonnegative().default(100),
  retryAfterSec: timerSec().int().positive().default(5),
  /** Time the route takes to answer when not faulted; gives concurrency a meaning. */
  serviceTimeMs: timerMs().default(0),
});
export type CapacityConfig = z.infer<typeof capacitySchema>;

export const serviceConfigSchema = z.strictObject({
  /** false: the service ignores `Idempotency-Key`, as real portals often do, so careless retries duplicate. */
  idempotency: z.boolean().default(true),
  capacity: capacitySchema.optional(),
  /** true: routes that take a session refuse requests without `Authorization: Bearer TOKEN` (401). */
  requireSession: z.boolean().default(false),
  /** Lifetime of a login session (e-Hospital, ICMR) or gateway session (ABDM), seconds. */
  sessionTtlSec: timerSec().positive().default(1800),
  /** Delay before an asynchronous callback (ABDM on-share, payment webhook), milliseconds. */
  callbackDelayMs: timerMs().default(50),
  /** Payment: a QR is paid by the (simulated) patient this long after it is created; null: only through `POST .../pay`. */
  autoPayMs: timerMs().nullable().default(1000),
  /** SMS: an OTP or SMS reaches the (simulated) phone inbox this long after it is sent. */
  deliveryDelayMs: timerMs().default(0),
  /** SMS: how long an OTP is valid; the SMS promises 5 minutes (assumption, common for Indian OTP gateways). */
  otpTtlMs: timerMs().positive().default(5 * 60 * 1000),
});
export type ServiceConfig = z.infer<typeof serviceConfigSchema>;

/**
 * The run's incident clock (src/util/segmentedClock.ts; simulated ms of day): with `segments`, the mocks serve
 * each figure above as the same simulated figure in every segment (mocks/clock/serviceTimes.ts), from the wall
 * instant `POST /__admin/clock` gives. Without it, or without segments, they serve the figures as given.
 */
export const mocksClockSchema = z.strictObject({
  startSim: z.number(),
  speed: z.number().positive(),
  segments: z.array(z.strictObject({ fromSim: z.number(), speed: z.number().positive() })).optional(),
});

export const mocksConfigSchema = z.strictObject({
  services: z.partialRecord(z.enum(serviceNames), serviceConfigSchema).default({}),
  clock: mocksClockSchema.optional(),
});
export type MocksConfig = z.input<typeof mocksConfigSchema>;
export type ResolvedMocksConfig = z.output<typeof mocksConfigSchema>;

export function serviceConfig(config: ResolvedMocksConfig, service: ServiceName): ServiceConfig {
  return config.services[service] ?? serviceConfigSchema.parse({});
}
