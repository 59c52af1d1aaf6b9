import { Command } from 'commander';
import { z } from 'zod';
import { UserError } from '../../errors.ts';
import { startMocks, SERVICE_NAMES, type ServiceName } from '../../../mocks/index.ts';
import { loadMocksConfig } from '../../../mocks/loadConfig.ts';
import { isServiceName } from '../../../mocks/types.ts';

const optionsSchema = z.object({
  json: z.boolean().optional(),
  runDir: z.string().min(1).optional(),
  seed: z.string().regex(/^\d+$/, 'seed must be a non-negative integer').optional(),
  services: z.string().optional(),
  config: z.string().min(1).optional(),
});

function parseServices(list: string | undefined): ServiceName[] | undefined {
  if (list === undefined) return undefined;
  const names = list.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !isServiceName(name));
  if (unknown.length > 0 || names.length === 0) {
    throw new UserError(`--services: unknown service ${JSON.stringify(unknown.join(','))}; known: ${SERVICE_NAMES.join(', ')}`);
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
  const serve = new Command('serve')
    .description('serve the NIC mock services on loopback until interrupted; prints their base URLs')
    .option('--json', 'print one line of JSON {"services":{name:url}} when ready')
    .option('--run-dir <dir>', 'append the ledger and the upstream request log to this run directory')
    .option('--seed <n>', 'seed of every random decision (identifiers, faults)', '1')
    .option('--services <list>', `comma-separated services to start (default: all of ${SERVICE_NAMES.join(',')})`)
    .option('--config <file>', 'mocks config (YAML or JSON): idempotency, capacity, session and callback settings per service')
    .action(async (raw: unknown) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success) throw new UserError(parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('\n'));
      const options = parsed.data;
      const config = options.config ? await loadMocksConfig(options.config) : undefined;
      const signal = untilSignal();
      const mocks = await startMocks({ services: parseServices(options.services), seed: Number(options.seed ?? 1), runDir: options.runDir, config });
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
