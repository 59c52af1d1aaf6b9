import { constantTrafficWindow, formatDuration, scenarioClock, type Scenario } from '../scenario/index.ts';
import { generatePatients } from '../traffic/index.ts';
import { clockPieces, wallOffsetOf } from '../util/index.ts';
import { replayExec, type Load, type VisitEntry } from './buildLoad.ts';
import { gracefulStop } from './gracefulStop.ts';

type ConstantEntry = Extract<Scenario['traffic'][number], { kind: 'constant' }>;

/**
 * Registrations at a constant simulated rate as `constant-arrival-rate` k6 scenarios, one per clock segment
 * the entry's window crosses (one for a one-speed clock): each at its segment's arrivals per wall second.
 */
export function addConstantTraffic({ load, entry, index, scenario }: { load: Load; entry: ConstantEntry; index: number; scenario: Scenario }): void {
  const clock = scenarioClock(scenario.clock);
  const window = constantTrafficWindow(entry, scenario.clock);
  const count = Math.round((entry.ratePerSecond * (window.to - window.from)) / 1_000);
  const patients = generatePatients({ seed: scenario.seed, count: Math.min(count, 50_000), startIndex: index * 1_000_000 });
  const stretches = clockPieces(clock).flatMap((piece) => {
    const from = Math.max(window.from, piece.fromSim);
    const to = Math.min(window.to, piece.toSim);
    return to > from ? [{ from, to, speed: piece.speed }] : [];
  });
  let taken = 0;
  stretches.forEach((stretch, part) => {
    const visits = part === stretches.length - 1 ? count - taken : Math.round((entry.ratePerSecond * (stretch.to - stretch.from)) / 1_000);
    const perWallSecond = entry.ratePerSecond * stretch.speed;
    const startWallMs = Math.round(wallOffsetOf(clock, stretch.from));
    const entries: VisitEntry[] = patients.slice(taken, taken + visits).map((patient, at) => ({
      entity: patient.id,
      simMs: stretch.from + Math.round((at * 1_000) / entry.ratePerSecond),
      wallMs: startWallMs + Math.round((at * 1_000) / perWallSecond),
      steps: [{ name: patient.visitType === 'new' ? 'register' : 'revisit', thinkMs: 0 }],
      record: patient,
    }));
    const name = `registration-constant-${index + 1}${part === 0 ? '' : `-${part + 1}`}`;
    load.replays[name] = { series: 'registration', first: load.series.registration?.length ?? 0 };
    load.series.registration = [...(load.series.registration ?? []), ...entries];
    load.counts.registration = (load.counts.registration ?? 0) + visits;
    if (stretch.speed !== scenario.clock.speed) (load.speeds ??= {})[name] = stretch.speed;
    taken += visits;
    // A rate that is not a whole number per second is expressed per minute, so that k6 starts as many
    // iterations as there are visits: rounded to 3/s, 2.7/s started 11% more, and the extra iterations
    // replayed the next entry's first patients a second time (two records for one person).
    const perMinute = !Number.isInteger(perWallSecond);
    const rate = perMinute ? Math.round(perWallSecond * 60) : Math.round(perWallSecond);
    const requestTimeoutMs = scenario.client.requestTimeout;
    load.scenarios[name] = {
      executor: 'constant-arrival-rate',
      exec: replayExec,
      rate,
      timeUnit: perMinute ? '1m' : '1s',
      ...(startWallMs > 0 ? { startTime: formatDuration(startWallMs) } : {}),
      duration: formatDuration(Math.round((stretch.to - stretch.from) / stretch.speed)),
      preAllocatedVUs: Math.max(5, Math.ceil(perWallSecond)),
      maxVUs: Math.max(50, Math.ceil(perWallSecond * Math.max(2, requestTimeoutMs / 1_000))),
      gracefulStop: gracefulStop(requestTimeoutMs),
    };
  });
}
