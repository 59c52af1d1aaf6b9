import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { leftovers } from '../../test/support/leftovers.ts';
import { repoRoot } from '../../test/support/runThap.ts';
import { runScenario } from '../../test/support/runScenario.ts';
import { withClient } from '../../test/support/scenarioCopy.ts';
import { MAX_INVALID_RERUNS, runUntilValid } from '../../test/support/runUntilValid.ts';
import { proofClients, type ProofClient, type ProofReport, type ProofRuns } from './proofChecks.ts';

/**
 * Runs the three reference clients through the real `thap run` on one scenario, one at a time (the machine
 * is shared by k6, the client and the mocks). The scenario ships with the naive client, so naive runs the file
 * as shipped (for the demo, the README's first command, `readmeCommand`: every report format, the PDF too) and
 * the others run copies naming their own client, rendering every format but the PDF. A run that comes out
 * `invalid` is made again, once (MAX_INVALID_RERUNS).
 */
export async function runProofClients(scenarioFile: string, { timeoutMs, readmeCommand = false }: { timeoutMs: number; readmeCommand?: boolean }): Promise<ProofRuns> {
  const shipped = parse(await readFile(join(repoRoot, scenarioFile), 'utf8')) as { client: { command: string[] } };
  if (shipped.client.command.at(-1) !== proofClients.naive) throw new Error(`${scenarioFile}: client.command must start ${proofClients.naive} for the proof`);
  const runs = {} as ProofRuns;
  for (const [name, script] of Object.entries(proofClients) as Array<[ProofClient, string]>) {
    const file = name === 'naive' ? scenarioFile : await withClient(scenarioFile, script);
    const { run, invalidBefore } = await runUntilValid(() => runScenario<ProofReport>(file, { timeoutMs, pdf: readmeCommand && name === 'naive' }), MAX_INVALID_RERUNS);
    runs[name] = { ...run, leftovers: run.runDir ? await leftovers(run.runDir) : undefined, invalidBefore };
  }
  return runs;
}

