import { describe, expect, it } from 'vitest';
import { planTraffic } from '../plan/planTraffic.ts';
import { compileK6 } from './compileK6.ts';

const HOUR = 3_600_000;

describe('compileK6 on a segmented clock', () => {
  // T1 (traffic.md T1) 07:00-16:00 at 120x until 11:00, then 600x: the series is split at 11:00.
  const plan = planTraffic({ seed: 7, speed: 120, segments: [{ fromSim: 11 * HOUR, speed: 600 }], parts: [{ profile: 'T1', count: 2000 }] });
  const compiled = compileK6({ plan, binMinutes: 5 });
  const registrations = compiled.data.series.registration ?? [];
  const parts = compiled.parts.registration ?? [];

  it('gives each clock segment its own k6 scenario, from the visit that starts it', () => {
    expect(parts).toHaveLength(2);
    const [busy, quiet] = parts;
    expect(busy?.first).toBe(0);
    expect(quiet?.first).toBe(registrations.findIndex((visit) => visit.simMs >= 11 * HOUR));
    // 07:00 to 11:00 at 120x is 120 s of wall time; the second part starts there, with 5-minute bins of 500 ms.
    expect(Number.parseInt(quiet?.options.startTime ?? '', 10)).toBeGreaterThanOrEqual(120_000);
    expect(quiet?.options.timeUnit).toBe('500ms');
    expect(busy?.options.timeUnit).toBe('2500ms');
    expect(compiled.scenarios.registration).toBe(busy?.options);
  });

  it('starts as many iterations as there are visits, each part its own', () => {
    // Each bin is a 0 ms jump to its count and a hold of one time unit per bin (merged when equal): the integral is the count (plus under one for the tail k6 needs).
    const iterations = ({ stages, timeUnit }: { stages: Array<{ target: number; duration: string }>; timeUnit: string }) =>
      Math.floor(stages.reduce((sum, stage) => sum + (stage.target * Number.parseInt(stage.duration, 10)) / Number.parseInt(timeUnit, 10), 0));
    const counts = parts.map((part) => iterations(part.options));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(registrations.length);
    expect(counts[0]).toBe(parts[1]?.first);
  });

  it('places visits and think times on the segment of their simulated time', () => {
    const late = registrations.find((visit) => visit.simMs >= 12 * HOUR);
    // 12:00 is 120 s (to 11:00) plus one hour at 600x (6 s) after 07:00.
    expect(late?.wallMs).toBe(Math.round(120_000 + (6_000 * ((late?.simMs ?? 0) - 11 * HOUR)) / HOUR));
    const early = compiled.data.series.lab?.find((visit) => visit.simMs < 10 * HOUR && visit.steps.some((step) => step.thinkMs > 0));
    const lateLab = compiled.data.series.lab?.find((visit) => visit.simMs >= 12 * HOUR && visit.steps.some((step) => step.thinkMs > 0));
    const longestThink = (visit: { steps: Array<{ thinkMs: number }> } | undefined) => Math.max(0, ...(visit?.steps ?? []).map((step) => step.thinkMs));
    expect(longestThink(early)).toBeGreaterThan(0);
    expect(longestThink(lateLab)).toBeGreaterThan(0);
    // The same simulated pauses take a fifth of the wall time at 600x.
    expect(longestThink(lateLab)).toBeLessThan(longestThink(early));
  });
});
