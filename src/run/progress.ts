import { join } from 'node:path';
import type { FaultTimeline } from '../faults/index.ts';
import type { Load } from '../load/index.ts';
import type { Plan } from '../scenario/index.ts';
import { formatTimeOfDay, simOfWallOffset } from '../util/index.ts';
import { LineTail } from './tailLines.ts';

/**
 * Live progress while k6 runs: wall and simulated clock, offered rate (planned visits starting), achieved
 * rate and error rate (the client's answers, from the k6 samples being written), active faults, and NIC's
 * ledger count. On a TTY one line redrawn each second; otherwise (or with --ci) a plain line every 5 s.
 */
export function startProgress({ plan, load, t0, runDir, faults, log, plain, csvFiles }: {
  plan: Plan;
  load: Load;
  t0: number;
  runDir: string;
  faults: Pick<FaultTimeline, 'activeFaults'>;
  log: (line: string) => void;
  plain: boolean;
  csvFiles?: string[];
}): { stop(): void } {
  const counts = { answers: 0, failed: 0, ledger: 0 };
  // Several k6 processes (execution segments) each write their own CSV: progress sums them.
  const tails = (csvFiles ?? [join(runDir, 'k6.csv')]).map(
    (file) =>
      new LineTail(
        file,
        (line) => {
          if (line.includes('outcome=blocked')) return;
          counts.answers += 1;
          if (line.includes('outcome=failed')) counts.failed += 1;
        },
        // One row of the dozen k6 writes per request: the others are skipped as bytes, never decoded.
        { startsWith: 'thap_outcome,' },
      ),
  );
  tails.push(new LineTail(join(runDir, 'ledger.ndjson'), () => (counts.ledger += 1)));
  const planned = Object.values(load.series)
    .flatMap((visits) => (visits ?? []).map((visit) => visit.wallMs))
    .sort((a, b) => a - b);
  let previous = { at: t0, answers: 0, offered: 0 };
  let stopped = false;
  const tick = async () => {
    for (const tail of tails) await tail.read();
    const now = Date.now();
    const wall = Math.max(0, now - t0);
    const offered = countUpTo(planned, wall);
    const seconds = Math.max(0.001, (now - previous.at) / 1_000);
    const offeredRate = (offered - previous.offered) / seconds;
    const achievedRate = (counts.answers - previous.answers) / seconds;
    previous = { at: now, answers: counts.answers, offered };
    const sim = simOfWallOffset(plan.clock, wall);
    const active = faults.activeFaults().map((fault) => fault.id).join(', ') || 'none';
    const errors = counts.answers ? ((100 * counts.failed) / counts.answers).toFixed(1) : '0.0';
    const line = `+${Math.round(wall / 1_000)}s sim ${formatTimeOfDay(sim)} | visits ${offeredRate.toFixed(0)}/s offered | answers ${counts.answers}, ${achievedRate.toFixed(1)}/s, errors ${errors}% | ledger ${counts.ledger} | faults: ${active}`;
    if (stopped) return;
    if (plain) log(line);
    else process.stderr.write(`\r\u001b[2K${line}`);
  };
  const timer = setInterval(() => void tick().catch(() => undefined), plain ? 5_000 : 1_000);
  timer.unref();
  return {
    stop: () => {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      if (!plain) process.stderr.write('\r\u001b[2K');
    },
  };
}

/** How many of the sorted values are at most `limit` (binary search). */
function countUpTo(sorted: number[], limit: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] as number) <= limit) low = middle + 1;
    else high = middle;
  }
  return low;
}
