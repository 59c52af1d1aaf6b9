/**
 * A scenario's NIC service figures (capacity per second, Retry-After, service and callback delays, session
 * and OTP lifetimes) are wall figures at the scenario's own `clock.speed`: the simulated figure is the wall
 * figure times `clock.speed`, which the mocks serve in every clock segment (mocks/clock/serviceTimes.ts). `--speed` changes
 * how fast simulated time runs, so the same figures in simulated terms need new wall values: a rate scales
 * with the speed, a delay against it. Without this, a run at half speed meets a NIC twice as roomy as the
 * scenario says, and a retry storm that overflows it at the shipped speed does not at half (issue 13).
 *
 * Works on the raw document (before defaults), so only the figures the scenario states are rescaled; the mocks'
 * own defaults are small against every shipped scenario's clock.
 */
export function rescaleServiceTimes(services: unknown, ratio: number): unknown {
  if (ratio === 1 || services === null || typeof services !== 'object' || Array.isArray(services)) return services;
  return Object.fromEntries(Object.entries(services as Record<string, unknown>).map(([name, service]) => [name, rescaleService(service, ratio)]));
}

const DELAYS_MS = ['callbackDelayMs', 'autoPayMs', 'deliveryDelayMs', 'otpTtlMs'] as const;

function rescaleService(service: unknown, ratio: number): unknown {
  if (!isRecord(service)) return service;
  const scaled: Record<string, unknown> = { ...service };
  for (const field of DELAYS_MS) scaled[field] = shorter(service[field], ratio);
  scaled.sessionTtlSec = shorter(service.sessionTtlSec, ratio);
  if (isRecord(service.capacity)) {
    const capacity: Record<string, unknown> = { ...service.capacity };
    if (typeof capacity.ratePerSec === 'number') capacity.ratePerSec = capacity.ratePerSec * ratio;
    capacity.serviceTimeMs = shorter(capacity.serviceTimeMs, ratio);
    // Retry-After is whole seconds on the wire: never below one.
    if (typeof capacity.retryAfterSec === 'number') capacity.retryAfterSec = Math.max(1, Math.round(capacity.retryAfterSec / ratio));
    scaled.capacity = capacity;
  }
  return Object.fromEntries(Object.entries(scaled).filter(([, value]) => value !== undefined));
}

function shorter(value: unknown, ratio: number): unknown {
  return typeof value === 'number' ? value / ratio : value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
