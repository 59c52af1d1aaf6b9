import { Agent } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { latencyRuntime } from '../../src/faults/network/latency.ts';
import type { LatencySettings } from '../../src/scenario/faultCatalogue/index.ts';
import type { MocksAdmin } from '../../src/faults/app/mocksAdmin.ts';
import { CleanupStack } from '../../src/stack/cleanupStack.ts';
import { findFreePort } from '../../src/stack/findFreePort.ts';
import { startToxiproxy } from '../../src/stack/startToxiproxy.ts';
import { ensureTools } from '../../src/stack/tools/index.ts';
import { median } from '../lib/median.ts';
import { startChild } from '../harness/startChild.ts';
import { timeRequests } from '../harness/timeRequests.ts';
import type { BenchEntry, BenchRow } from '../types.ts';

const name = 'harness-latency';
const injectedMs = 200;
const perPhase = 200;
const concurrency = 4;
const rounds = 3;

/**
 * Issue 7: "an injected 200 ms latency is seen by the client at its p50 within 5 ms". A plain node client
 * POSTs through a real Toxiproxy proxy to a bare server; thap's own `latency` fault kind
 * (src/faults/network/latency.ts, 200 ms, no jitter, downstream) is applied and removed between phases.
 * Rounds alternate without / with the fault; the seen latency is p50(with) - p50(without) per round.
 */
const entry: BenchEntry = {
  name,
  description: `p50 through Toxiproxy with and without thap's ${injectedMs} ms latency fault, ${rounds} paired rounds of ${perPhase} requests`,
  async run(): Promise<BenchRow[]> {
    const tools = await ensureTools();
    const runDir = mkdtempSync(path.join(os.tmpdir(), 'thap-bench-latency-'));
    const cleanup = new CleanupStack();
    const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
    try {
      const server = await startChild({ file: fileURLToPath(new URL('../harness/doneServer.ts', import.meta.url)) });
      cleanup.defer('stop the target', () => server.stop());
      const toxiproxy = await startToxiproxy({ binary: tools.toxiproxy.path, runDir, cleanup });
      const port = await findFreePort();
      await toxiproxy.control.createProxy({ name: 'bench-latency', listen: `127.0.0.1:${port}`, upstream: new URL(server.url).host });
      const url = `http://127.0.0.1:${port}/opd/registrations`;
      const settings = latencyRuntime.config.settings.parse({ latencyMs: injectedMs }) as LatencySettings;
      const context = { toxiproxy: toxiproxy.control, mocks: undefined as unknown as MocksAdmin, service: 'ehospital' as const, proxyName: 'bench-latency', faultId: 'bench-latency' };
      await timeRequests({ url, count: 50, concurrency, agent }); // warm-up: connections open, JIT warm
      const without: number[] = [];
      const withFault: number[] = [];
      for (let round = 0; round < rounds; round++) {
        without.push(median(await timeRequests({ url, count: perPhase, concurrency, agent })));
        const remove = await latencyRuntime.apply(context, settings);
        try {
          withFault.push(median(await timeRequests({ url, count: perPhase, concurrency, agent })));
        } finally {
          await remove();
        }
      }
      const seen = withFault.map((p50, round) => p50 - without[round]!);
      const fixed = (value: number) => Number(value.toFixed(2));
      return [
        {
          entry: name,
          subject: `client p50 through Toxiproxy, ${injectedMs} ms latency fault (goal: seen within 5 ms)`,
          metrics: {
            p50_without_ms: fixed(median(without)),
            p50_with_ms: fixed(median(withFault)),
            seen_ms: fixed(median(seen)),
            error_ms: fixed(median(seen) - injectedMs),
          },
          note: `per round seen ms: ${seen.map((value) => value.toFixed(1)).join(', ')}; ${concurrency} keep-alive connections, ${perPhase} requests per phase`,
        },
      ];
    } finally {
      agent.destroy();
      const failures = await cleanup.runAll();
      rmSync(runDir, { recursive: true, force: true });
      for (const failure of failures) process.stderr.write(`bench: ${name}: clean-up ${failure.label} failed: ${failure.error.message}\n`);
    }
  },
};

export default entry;
