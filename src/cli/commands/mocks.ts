import { Command } from 'commander';
import { z } from 'zod';
import { ensureOutputDir } from '../../util/index.ts';
import { defineOptions } from '../options/defineOptions.ts';
import { text, wholeNumber } from '../options/optionValues.ts';
import { startMocks } from '../../../mocks/index.ts';
import { loadMocksConfig } from '../../../mocks/loadConfig.ts';
import { isServiceName, serviceNames, type ServiceName } from '../../contract/index.ts';

const serveOptions = defineOptions('mocks serve', {
  json: { flags: '--json', description: 'print one line of JSON {"services":{name:url}} when ready', schema: z.boolean().default(false) },
  runDir: { flags: '--run-dir <dir>', description: 'append the ledger and the upstream request log to this run directory', schema: text('a run directory').optional() },
  seed: { flags: '--seed <n>', description: 'seed of every random decision (identifiers, faults)', schema: wholeNumber().default(1) },
  services: { flags: '--services <list>', description: `comma-separated services to start (default: all of ${serviceNames.join(',')})`, schema: z.string().transform(toServices).optional() },
  config: { flags: '--config <file>', description: 'mocks config (YAML or JSON): idempotency, capacity, session and callback settings per service', schema: text('the path of a mocks config file').optional() },
});

/** `a,b` as service names, or a zod issue naming the unknown ones and the known. */
function toServices(list: string, context: z.RefinementCtx): ServiceName[] {
  const names = list.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !isServiceName(name));
  if (unknown.length > 0 || names.length === 0) {
    context.addIssue({ code: 'custom', message: `${unknown.length > 0 ? `unknown service ${unknown.join(', ')}` : 'no service named'}; known: ${serviceNames.join(', ')}` });
    return z.NEVER;
  }
  return names as ServiceName[];
}

/** Resolves on the first SIGINT or SIGTERM. */
function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const done = (signal: string) => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve(signal);
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}

/** `thap mocks serve`: runs the NIC mock services until SIGINT/SIGTERM (docs/nic-mocks.md). */
export function mocksCommand(): Command {
  const serve = serveOptions
    .addTo(new Command('serve').description('serve the NIC mock services on loopback until interrupted; prints their base URLs'))
    .action(async (raw: unknown) => {
      const options = serveOptions.parse(raw);
      if (options.runDir) await ensureOutputDir({ dir: options.runDir, what: '--run-dir' });
      const config = options.config ? await loadMocksConfig(options.config) : undefined;
      const signal = untilSignal();
      const mocks = await startMocks({ services: options.services, seed: options.seed, runDir: options.runDir, config });
      if (options.json) process.stdout.write(`${JSON.stringify({ services: mocks.urls })}\n`);
      else {
        const lines = Object.entries(mocks.urls).map(([name, url]) => `  ${name.padEnd(10)} ${url}`);
        process.stdout.write(`NIC mocks serving (Ctrl-C to stop):\n${lines.join('\n')}\n`);
      }
      const received = await signal;
      await mocks.close();
      if (!options.json) process.stderr.write(`mocks: ${received} received, ledger flushed, stopped\n`);
    });
  return new Command('mocks').description('the NIC mock services (e-Hospital, ICMR, ABDM, SMS, payment)').addCommand(serve);
}
