import { createMocksAdmin } from '../faults/index.ts';

/**
 * Tells the mocks where the incident clock started: the run's t0, as the span since it (not an instant, so that
 * the mocks' own clock reads it on another machine too). Only a segmented clock needs it: its mocks serve each
 * service figure at the speed of the moment (docs/nic-mocks.md "Incident clock"). Every service's port is told;
 * they share one clock per mocks process, and a second telling moves it by the few ms between the two.
 */
export async function startMocksClock({ mockUrls, t0 }: { mockUrls: Record<string, string>; t0: number }): Promise<void> {
  const admin = createMocksAdmin({ urls: mockUrls });
  await Promise.all(Object.keys(mockUrls).map((service) => admin.startClock(service, Math.max(0, Date.now() - t0))));
}
