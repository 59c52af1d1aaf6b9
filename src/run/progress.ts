import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { FaultDriver } from '../faults/faultDriver.ts';
import type { Plan } from '../scenario/plan.ts';
import { formatTimeOfDay } from '../scenario/timeOfDay.ts';

/**
 * Live progress from the k6 samples as they are written: wall and simulated clock, achieved rate, error
 * rate, active faults. On a TTY one line redrawn each second; otherwise (or with --ci) a plain line every 5 s.
 */
export function startProgress({ plan, t0, runDir, faults, log, plain, csvFiles }: { plan: Plan; t0: number; runDir: string; faults: FaultDriver; log: (line: string) => void; plain: boolean; csvFiles?: string[] }): { stop(): void } {
  // Several k6 processes (execution segments) each write their own CSV: progress sums them.
  const counters = (csvFiles ?? [join(runDir, 'k6.csv')]).map((file) => new OutcomeCounter(file));
  let previous = { at: t0, total: 0 };
  let stopped = false;
  const tick = async () => {
    let total = 0;
    let failed = 0;
    for (const counter of counters) {
      const counted = await counter.read();
      total += counted.total;
      failed += counted.failed;
    }
    const now = Date.now();
    const rate = (total - previous.total) / Math.max(0.001, (now - previous.at) / 1_000);
    previous = { at: now, total };
    const wall = Math.max(0, now - t0);
    const sim = plan.clock.startSim + wall * plan.clock.speed;
    const active = faults.activeFaults().map((fault) => fault.id).join(', ') || 'none';
    const line = `+${Math.round(wall / 1_000)}s sim ${formatTimeOfDay(sim)} | ${total} answers, ${rate.toFixed(1)}/s, errors ${total ? ((100 * failed) / total).toFixed(1) : '0.0'}% | faults: ${active}`;
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

/** Counts `thap_outcome` rows (and failed ones) in a CSV file that is still being written. */
class OutcomeCounter {
  private offset = 0;
  private rest = '';
  total = 0;
  failed = 0;
  constructor(private readonly file: string) {}

  async read(): Promise<{ total: number; failed: number }> {
    const handle = await open(this.file, 'r').catch(() => undefined);
    if (!handle) return this;
    try {
      const buffer = Buffer.alloc(1 << 20);
      for (;;) {
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, this.offset);
        if (bytesRead === 0) break;
        this.offset += bytesRead;
        const lines = (this.rest + buffer.toString('utf8', 0, bytesRead)).split('\n');
        this.rest = lines.pop() ?? '';
        for (const line of lines) {
          if (!line.startsWith('thap_outcome,')) continue;
          this.total += 1;
          if (line.includes('outcome=failed')) this.failed += 1;
        }
      }
    } finally {
      await handle.close();
    }
    return this;
  }
}
