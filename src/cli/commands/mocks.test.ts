import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runThap } from '../../../test/support/runThap.ts';

const thapBin = fileURLToPath(new URL('../../../bin/thap.js', import.meta.url));

describe('thap mocks serve: bad options', () => {
  it('an unknown service exits 2 and lists the known ones', async () => {
    const result = await runThap(['mocks', 'serve', '--services', 'ehospital,cowin'], { timeoutMs: 20_000 });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('thap: mocks serve --services "ehospital,cowin": unknown service cowin; known: ehospital, icmr, abdm, sms, payment\n');
  });

  it('an invalid config file exits 2 naming the file and the field', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(join(tmpdir(), 'thap-mocks-cfg-'));
    const file = join(dir, 'mocks.yaml');
    await writeFile(file, 'services:\n  ehospital:\n    capacity:\n      concurrency: -1\n');
    const result = await runThap(['mocks', 'serve', '--config', file], { timeoutMs: 20_000 });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}: services.ehospital.capacity.concurrency`);
  });
});

describe('thap mocks serve: stopping', () => {
  it('exits 0 promptly on SIGTERM even while a request waits on a 60 s latency fault', async () => {
    const { spawn } = await import('node:child_process');
    const { createInterface } = await import('node:readline');
    const child = spawn(process.execPath, [thapBin, 'mocks', 'serve', '--json', '--services', 'ehospital'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
    const base = JSON.parse(line).services.ehospital as string;
    await fetch(`${base}/__admin/faults`, { method: 'POST', body: JSON.stringify({ kind: 'latency', settings: { distribution: { type: 'fixed', ms: 60_000 } } }) });
    const pending = fetch(`${base}/ehospital/v1/registrations`, { method: 'POST', body: '{}' }).catch(() => 'dropped');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await pending).toBe('dropped');
  });
});
