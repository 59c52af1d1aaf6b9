import path from 'node:path';
import { Command } from 'commander';
import { z } from 'zod';
import { UserError } from '../../core/index.ts';
import { conduct, stackPodUrls } from '../../k8s/conductor/index.ts';
import { readScenarioFile } from '../../k8s/index.ts';
import { ensureOutputDir } from '../../util/index.ts';
import { defineOptions } from '../options/defineOptions.ts';
import { reportRunResult } from './reportRunResult.ts';
import { httpUrl, text, wholeNumber } from '../options/optionValues.ts';

const conductOptions = defineOptions(
  'conduct',
  {
    runners: { flags: '--runners <n>', description: "how many k6 runners send the load (the TestRun's parallelism)", schema: wholeNumber({ min: 1, max: 1000 }) },
    results: { flags: '--results <dir>', description: 'where the runners write k6-<runner>.csv and k6-<runner>.summary.json (the shared results volume)', schema: text('the results directory') },
    out: { flags: '--out <dir>', description: 'where the run directory goes', schema: text('a directory to write the run into').default('reports') },
    stackHost: { flags: '--stack-host <host>', description: "the stack pod's Service (Toxiproxy, mocks, client at the fixed ports of src/stack/container/layout.ts)", schema: text('a host name, e.g. thap-demo-stack.thap.svc').optional() },
    toxiproxyApi: { flags: '--toxiproxy-api <url>', description: "Toxiproxy's API (instead of the stack host's)", schema: httpUrl().optional() },
    mock: { flags: '--mock <service=url>', description: "a mock's own URL (admin API), repeatable (instead of the stack host's)", schema: z.array(z.string().regex(/^[a-z]+=https?:\/\/\S+$/, 'must be SERVICE=URL, e.g. ehospital=http://127.0.0.1:21101')).default([]), repeatable: true },
    client: { flags: '--client <url>', description: "the client under test (default the stack pod's reference client)", schema: httpUrl().optional() },
    mocksDir: { flags: '--mocks-dir <dir>', description: 'where the mocks write ledger.ndjson and upstream.ndjson (default <results>/mocks)', schema: text('a directory').optional() },
    harnessListen: { flags: '--harness-listen <host:port>', description: 'where the harness endpoint listens for the runners', schema: z.string().regex(/^[\w.-]+:\d{1,5}$/, 'must be HOST:PORT, e.g. 0.0.0.0:22090').default('0.0.0.0:22090') },
    startTimeout: { flags: '--start-timeout <seconds>', description: "how long to wait for the first runner's setup() to call the harness endpoint", schema: wholeNumber({ min: 1 }).default(900) },
  },
  (options) => [
    ...(!options.stackHost && !options.toxiproxyApi ? [{ option: 'toxiproxyApi' as const, message: 'or --stack-host is needed: the conductor applies the faults through Toxiproxy; fix: add --stack-host HOST' }] : []),
    ...(!options.stackHost && !options.client ? [{ option: 'client' as const, message: 'or --stack-host is needed: the conductor checks and drains the client; fix: add --stack-host HOST or --client URL' }] : []),
  ],
);

/** `thap conduct <scenario>`: the cluster side of a distributed run (docs/k8s.md). */
export function conductCommand(): Command {
  return conductOptions
    .addTo(new Command('conduct').description("drive a run whose stack and k6 runners are elsewhere (k6-operator): faults on time, the harness endpoint, then merge and score the runners' outputs").argument('<scenario>', 'scenario file (.yaml, .yml or .ts), or the scenario.resolved.json thap k8s render wrote'))
    .action(async (file: string, raw: Record<string, unknown>) => {
      const options = conductOptions.parse(raw);
      const scenario = await readScenarioFile(file);
      if (scenario.client.regions && !options.stackHost) throw new UserError(`scenario ${scenario.name}: client.regions needs --stack-host, where each region's client is found (src/k8s/regionLayout.ts); fix: add --stack-host HOST`);
      const fromHost = options.stackHost ? stackPodUrls({ stackHost: options.stackHost, services: Object.keys(scenario.services), ...(scenario.client.regions ? { regions: scenario.client.regions } : {}) }) : undefined;
      const mockUrls = { ...fromHost?.mockUrls, ...Object.fromEntries(options.mock.map((entry) => entry.split(/=(.*)/s).slice(0, 2) as [string, string])) };
      const unknown = Object.keys(scenario.services).filter((service) => !mockUrls[service]);
      if (unknown.length > 0) throw new UserError(`--mock: no URL for ${unknown.join(', ')}, which scenario ${scenario.name} serves; fix: add --mock ${unknown[0]}=URL or --stack-host HOST`);
      const [host, port] = options.harnessListen.split(/:(?=\d+$)/) as [string, string];
      await ensureOutputDir({ dir: options.out, what: '--out' });
      const log = (line: string) => process.stderr.write(`${line}\n`);
      const result = await conduct({
        scenario,
        runners: options.runners,
        resultsDir: options.results,
        stack: {
          toxiproxyApi: options.toxiproxyApi ?? (fromHost?.toxiproxyApi as string),
          mockUrls,
          clientUrl: options.client ?? (fromHost?.clientUrl as string),
          mocksDir: options.mocksDir ?? path.join(options.results, 'mocks'),
          ...(fromHost?.regions ? { regions: fromHost.regions } : {}),
        },
        listen: { host, port: Number(port) },
        startTimeoutMs: options.startTimeout * 1_000,
        outDir: options.out,
        log,
        plainProgress: true,
      });
      reportRunResult(result);
    });
}
