import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const thapBin = fileURLToPath(new URL('../../../bin/thap.js', import.meta.url));

function runThap(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [thapBin, ...args], { timeout: 20_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('thap mocks serve: bad options', () => {
  it('an unknown service exits 2 and lists the known ones', async () => {
    const result = await runThap(['mocks', 'serve', '--services', 'ehospital,cowin']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown service "cowin"');
    expect(result.stderr).toContain('ehospital, icmr, abdm, sms, payment');
  });

  it('an invalid config file exits 2 naming the file and the field', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(join(tmpdir(), 'thap-mocks-cfg-'));
    const file = join(dir, 'mocks.yaml');
    await writeFile(file, 'services:\n  ehospital:\n    capacity:\n      concurrency: -1\n');
    const result = await runThap(['mocks', 'serve', '--config', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}: services.ehospital.capacity.concurrency`);
  });
});
