// CPU per request of each part of a real run (docs/scale.md "Measured rates"):
//   node --import tsx bench/scale/componentCpu.ts <scenario> [thap run options]
// runs `thap run <scenario> --ci ...` as a user would, samples every process of its tree from /proc twice a
// wall second (the last sample of a process is its total: processes end with the run), and prints one JSON
// line: CPU ms per part (k6, Toxiproxy, the mocks, the client under test, thap itself), the run's client
// requests and NIC requests (report.json), and CPU microseconds per request for each part.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { descendantsOf } from '../../test/support/processTree.ts';
import { processCpuMs } from '../lib/procCpu.ts';

type Part = 'k6' | 'toxiproxy' | 'mocks' | 'client' | 'thap' | 'other';

/** Which part of the stack a process is, from its command line. */
export function partOf(command: string): Part {
  if (/(^|\/)k6 /.test(command)) return 'k6';
  if (/toxiproxy/.test(command)) return 'toxiproxy';
  if (/thap\.js mocks serve/.test(command)) return 'mocks';
  if (/examples\/|client\.url/.test(command)) return 'client';
  if (/thap\.js run/.test(command)) return 'thap';
  return 'other';
}

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((arg) => arg !== '--');
  if (args.length === 0) throw new Error('usage: componentCpu.ts <scenario> [thap run options]');
  const child = spawn(process.execPath, ['bin/thap.js', 'run', ...args, '--ci'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
    process.stdout.write(chunk);
  });
  const lastSeen = new Map<number, { part: Part; cpuMs: number; command: string }>();
  const sample = () => {
    for (const { pid, command } of [{ pid: child.pid as number, command: 'thap.js run' }, ...descendantsOf(child.pid as number)]) {
      const cpuMs = processCpuMs(pid);
      if (Number.isNaN(cpuMs)) continue;
      const known = lastSeen.get(pid);
      lastSeen.set(pid, { part: known?.part ?? partOf(command), cpuMs, command: known?.command ?? command });
    }
  };
  const timer = setInterval(sample, 500);
  const code = await new Promise<number>((resolve) => child.on('exit', (exitCode) => resolve(exitCode ?? 1)));
  clearInterval(timer);
  const cpuMs: Record<Part, number> = { k6: 0, toxiproxy: 0, mocks: 0, client: 0, thap: 0, other: 0 };
  for (const process of lastSeen.values()) cpuMs[process.part] += process.cpuMs;
  const reportFile = /report: (\S+report\.json)/.exec(output)?.[1];
  const report = reportFile ? (JSON.parse(readFileSync(reportFile, 'utf8')) as { phases: Array<{ kind: string; name: string; requests: number }>; nic: { upstreamRequests: number }; validity?: { valid?: boolean } }) : undefined;
  const clientRequests = report?.phases.filter((phase) => phase.name === 'baseline' || phase.name === 'fault' || phase.name === 'recovery').reduce((sum, phase) => sum + phase.requests, 0) ?? 0;
  const nicRequests = report?.nic.upstreamRequests ?? 0;
  const perRequestUs = (ms: number, requests: number) => (requests > 0 ? Math.round((ms * 1000) / requests) : null);
  const result = {
    scenario: args[0],
    exitCode: code,
    clientRequests,
    nicRequests,
    cpuMs: Object.fromEntries(Object.entries(cpuMs).map(([part, ms]) => [part, Math.round(ms)])),
    // k6 and the client are paid per client request; Toxiproxy and the mocks per NIC request.
    usPerRequest: {
      k6: perRequestUs(cpuMs.k6, clientRequests),
      client: perRequestUs(cpuMs.client, clientRequests),
      toxiproxy: perRequestUs(cpuMs.toxiproxy, nicRequests),
      mocks: perRequestUs(cpuMs.mocks, nicRequests),
    },
    others: [...lastSeen.values()].filter((process) => process.part === 'other').map((process) => process.command.slice(0, 80)),
  };
  process.stdout.write(`componentCpu ${JSON.stringify(result)}\n`);
  process.exitCode = code;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
