import { describe, expect, it } from 'vitest';
import { rescaleServiceTimes } from './rescaleServiceTimes.ts';

describe('rescaleServiceTimes', () => {
  it('scales rates with the speed and delays against it, leaving counts and unstated fields alone', () => {
    const services = { icmr: { capacity: { ratePerSec: 40, queueLimit: 200, retryAfterSec: 6, serviceTimeMs: 100 }, callbackDelayMs: 50, sessionTtlSec: 1800, idempotency: false } };
    expect(rescaleServiceTimes(services, 0.5)).toEqual({
      icmr: { capacity: { ratePerSec: 20, queueLimit: 200, retryAfterSec: 12, serviceTimeMs: 200 }, callbackDelayMs: 100, sessionTtlSec: 3600, idempotency: false },
    });
  });

  it('keeps Retry-After a whole number of seconds, at least one', () => {
    const scaled = rescaleServiceTimes({ ehospital: { capacity: { retryAfterSec: 1 } } }, 3) as { ehospital: { capacity: { retryAfterSec: number } } };
    expect(scaled.ehospital.capacity.retryAfterSec).toBe(1);
  });

  it('returns the document unchanged at the shipped speed or when it is not an object', () => {
    const services = { sms: { deliveryDelayMs: 10 } };
    expect(rescaleServiceTimes(services, 1)).toBe(services);
    expect(rescaleServiceTimes('oops', 2)).toBe('oops');
  });
});
