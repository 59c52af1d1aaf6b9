import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The parts of report.json the proof tests read (src/scoring/reportSchema.ts has the whole). */
export interface ProofReport {
  score: { total: number; components: Array<{ name: string; points: number }> };
  integrity: { accepted: number; stored: number; lost: number; duplicated: number; extraRecords: number; pending: number };
  nic: { retryAmplification: number | null; retryAmplificationFromFault?: number | null; peakOverBaseline: number | null };
  phases: Array<{ name: string; kind: string; requests: number; outcomes: { done: number; queued: number; failed: number } }>;
}

export interface ThapRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  runDir: string | undefined;
  report: ProofReport | undefined;
}

/**
 * Runs the real CLI, `node bin/thap.js run <scenario> --ci [args]`, on a copy of a scenario whose
 * client.command starts `clientScript` instead, and reads the report it wrote. k6 and Toxiproxy are found as
 * thap finds them (THAP_K6_PATH / THAP_TOXIPROXY_PATH, then its tool cache). With `lockFile`, the run waits
 * for and holds that lock (`flock`) for exactly its own duration, so that real runs never overlap.
 */
export async function runThap(args: {
  scenarioFile: string;
  clientScript: string;
  clientEnv?: Record<string, string>;
  timeoutMs: number;
  args?: string[];
  lockFile?: string;
}): Promise<ThapRun> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'thap-proof-'));
  const scenario = parse(await readFile(path.resolve(repoRoot, args.scenarioFile), 'utf8')) as Record<string, unknown> & { client: Record<string, unknown> };
  scenario.client = { ...scenario.client, command: ['node', '--import', 'tsx', args.clientScript], ...(args.clientEnv ? { env: args.clientEnv } : {}) };
  const file = path.join(dir, path.basename(args.scenarioFile));
  await writeFile(file, stringify(scenario));
  const outDir = path.join(dir, 'reports');
  const command = [process.execPath, 'bin/thap.js', 'run', file, '--out', outDir, '--ci', ...(args.args ?? [])];
  const [program, ...rest] = args.lockFile ? ['flock', args.lockFile, ...command] : command;
  const child = spawn(program as string, rest, { cwd: repoRoot, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGINT'), args.timeoutMs);
  const exitCode = await new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  clearTimeout(timer);
  const runs = await readdir(outDir).catch(() => [] as string[]);
  const runDir = runs[0] ? path.join(outDir, runs[0]) : undefined;
  const report = runDir ? ((await readFile(path.join(runDir, 'report.json'), 'utf8').then(JSON.parse).catch(() => undefined)) as ProofReport | undefined) : undefined;
  return { exitCode, stdout, stderr, runDir, report };
}

/** Failed journey steps k6 counted in the fault phase(s). */
export function faultPhaseFailures(report: ProofReport): number {
  return report.phases.filter((phase) => phase.kind === 'fault').reduce((sum, phase) => sum + phase.outcomes.failed, 0);
}

/** One line per run for test messages: the score and the figures the proof asserts on. */
export function summarize(name: string, run: ThapRun): string {
  const r = run.report;
  if (!r) return `${name}: no report (exit ${run.exitCode}); stderr tail: ${run.stderr.slice(-400)}`;
  return `${name}: score ${r.score.total}, lost ${r.integrity.lost}, duplicated ${r.integrity.duplicated}, amplification ${r.nic.retryAmplification?.toFixed(2)}, fault-phase failures ${faultPhaseFailures(r)}`;
}
