import os from 'node:os';
import type { BenchEntry, BenchRow } from '../types.ts';
import { runTrafficWorker } from './trafficRunWorker.ts';

/** Issue 5: one 8,000-patient T1 day (plan, patients, journeys, NDJSON) in under 0.5 s. */
const entry: BenchEntry = {
  name: 'traffic-t1-day',
  description: 'one 8,000-patient T1 day with journeys to NDJSON, in a child process (cold first run, then median of 5)',
  async run(): Promise<BenchRow[]> {
    const load = os.loadavg()[0] as number;
    const r = await runTrafficWorker({ mode: 't1-day', count: 8000 });
    return [
      {
        entry: 'traffic-t1-day',
        subject: 'T1 8,000 patients',
        metrics: { records: r.records, cold_s: Number(r.seconds.toFixed(3)), cold_cpu_s: Number(r.cpuSeconds.toFixed(3)), warm_median_s: Number((r.warmSeconds ?? Number.NaN).toFixed(3)), peak_rss_mb: Math.round(r.peakRssMb), load_avg_1m: Number(load.toFixed(1)) },
        note: 'goal: cold_s < 0.5 s',
      },
    ];
  },
};

export default entry;
