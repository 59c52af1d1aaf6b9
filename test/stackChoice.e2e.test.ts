import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDockerAvailable } from '../src/stack/container/dockerAvailable.ts';
import { runThap } from './support/runThap.ts';
import { withoutPdf } from './support/withoutPdf.ts';

// `thap run --stack` end to end through the real CLI. Where there is no Docker engine, `--stack docker` must
// stop before anything starts with one clear line and exit 3, and `--stack auto` must take the local stack
// (the real k6 and Toxiproxy are present), which this proves by reaching the local client start.
const dockerHere = await isDockerAvailable();

describe('thap run --stack', { timeout: 60_000 }, () => {
  it.skipIf(dockerHere)('--stack docker without Docker: one "Docker not available" line, exit 3, no run directory', async () => {
    const out = await mkdtemp(join(tmpdir(), 'thap-stack-'));
    const result = await runThap(['run', 'test/scenarios/short-outage.yaml', '--stack', 'docker', '--ci', '--out', out]);
    expect(result.code).toBe(3);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^thap: Docker not available: .*; fix: .*use the local stack instead/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await readdir(out)).toEqual([]);
  });

  it('--stack auto with k6 and Toxiproxy present picks the local stack', async () => {
    const out = await mkdtemp(join(tmpdir(), 'thap-stack-'));
    const result = await runThap(['run', 'test/scenarios/client-dies-at-start.yaml', '--stack', 'auto', '--ci', '--out', out, ...withoutPdf]);
    expect(result.stderr).toContain('stack: local processes (--stack auto: k6 and Toxiproxy found)');
    // The local path: Toxiproxy as a process, then the client command started here (and dying: the client's
    // health gate fails, exit 1).
    expect(result.stderr).toMatch(/stack: Toxiproxy http:\/\/127\.0\.0\.1:\d+/);
    expect(result.stderr).toMatch(/the client is not healthy at http:\/\/127\.0\.0\.1:\d+\/health: the client exited \(code 4\) before it answered/);
    expect(result.stderr).not.toContain('Docker not available');
    expect(result.code).toBe(1);
  });

  it('rejects an unknown stack as invalid input (exit 2)', async () => {
    const result = await runThap(['run', 'test/scenarios/short-outage.yaml', '--stack', 'podman']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('thap: run --stack "podman": must be one of local, docker, auto\n');
  });
});
