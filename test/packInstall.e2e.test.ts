import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `thap` as a user gets it: `npm pack` of this repository, the tarball installed into a clean directory, and
// the installed bin run by name. Dependencies come from npm's local cache where it has them (--prefer-offline).
const run = promisify(execFile);
const root = resolve(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

describe('the packed tarball, installed', { timeout: 300_000 }, () => {
  let dir = '';
  let app = '';
  const thap = (args: string[]) => run(join(app, 'node_modules/.bin/thap'), args, { cwd: app });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'thap-pack-'));
    app = join(dir, 'app');
    const { stdout } = await run('npm', ['pack', '--pack-destination', dir, '--json'], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
    const [packed] = JSON.parse(stdout) as Array<{ filename: string }>;
    if (!packed) throw new Error(`npm pack printed no file: ${stdout}`);
    await run('mkdir', [app]);
    await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'uses-thap', private: true, type: 'module' }));
    await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(dir, packed.filename)], { cwd: app, maxBuffer: 16 * 1024 * 1024 });
  }, 300_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('ships the sources, scenarios and schemas but not the tests', async () => {
    const installed = join(app, 'node_modules/thap');
    for (const file of ['bin/thap.js', 'src/load/k6/script.ts', 'mocks/handlers.ts', 'scenarios/demo.yaml', 'schema/scenario.schema.json']) {
      expect(existsSync(join(installed, file)), file).toBe(true);
    }
    expect(await readdir(join(installed, 'src/load/k6'))).not.toContain('readAnswer.test.ts');
  });

  it('answers `thap --version` and `npx thap --version` with the package version', async () => {
    expect((await thap(['--version'])).stdout.trim()).toBe(version);
    expect((await run('npx', ['--no-install', 'thap', '--version'], { cwd: app })).stdout.trim()).toBe(version);
  });

  it('validates a shipped scenario through the installed bin', async () => {
    const { stdout } = await thap(['validate', 'node_modules/thap/scenarios/demo.yaml']);
    expect(stdout).toMatch(/^ok {2}node_modules\/thap\/scenarios\/demo\.yaml \(demo: /);
    await expect(thap(['validate', 'missing.yaml'])).rejects.toMatchObject({ code: 2 });
  });

  it('finds the k6 script inside the installed package: it is written out with its modules and data, and k6 reads it', async () => {
    const out = join(dir, 'render');
    await thap(['k8s', 'render', 'node_modules/thap/scenarios/demo.yaml', '--parallelism', '1', '--out', out]);
    const files = await readdir(out);
    expect(files).toEqual(expect.arrayContaining(['script.ts', 'replayVisit.ts', 'readAnswer.ts', 'trafficSteps.ts', 'script-data.json', 'visits-registration.json']));
    const k6 = process.env.THAP_K6_PATH;
    if (!k6) throw new Error('THAP_K6_PATH is not set: the e2e global setup finds k6 and sets it');
    // `k6 inspect` evaluates the script's init code (imports, script-data.json, the visits) without starting load.
    const { stdout } = await run(k6, ['inspect', join(out, 'script.ts')], { cwd: out });
    expect(JSON.parse(stdout)).toMatchObject({ scenarios: { 'registration-constant-1': { exec: 'replay' } } });
  });

  it('gives the NIC mocks\' MSW handlers as `thap/mocks`, served by msw\'s setupServer in a user\'s script', async () => {
    await writeFile(
      join(app, 'check.ts'),
      [
        "import { setupServer } from 'msw/node';",
        "import { createNicHandlers } from 'thap/mocks';",
        "const nic = createNicHandlers({ services: ['icmr'] });",
        'const server = setupServer(...nic.handlers);',
        "server.listen({ onUnhandledRequest: 'error' });",
        "const patient = { name: 'Ramesh Yadav', age: 52, gender: 'M', mobile: '9415000001', district: 'Lucknow', pin: '226010' };",
        "const response = await fetch('https://icmr.example.test/icmr/v1/srfs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ patient, specimenType: 'nasopharyngeal', collectedAt: '2021-04-20T10:15:00Z' }) });",
        'console.log(JSON.stringify({ status: response.status, ledger: nic.ledger().length }));',
        'server.close();',
        'await nic.close();',
      ].join('\n'),
    );
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'check.ts'], { cwd: app });
    expect(JSON.parse(stdout)).toEqual({ status: 201, ledger: 1 });
  });
});
