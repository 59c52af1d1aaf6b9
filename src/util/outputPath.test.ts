import { mkdtemp, rm, writeFile, chmod, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HarnessError, UserError } from '../core/index.ts';
import { ensureOutputDir, ensureOutputFile, outputPathError } from './outputPath.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'thap-out-'));
});
afterAll(async () => {
  await chmod(join(dir, 'locked'), 0o755).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

describe('ensureOutputDir', () => {
  it('creates the directory with its parents', async () => {
    await expect(ensureOutputDir({ dir: join(dir, 'a', 'b'), what: '--out' })).resolves.toBeUndefined();
  });

  it('refuses a path under a file or /dev/null as the user\'s mistake (exit 2), naming the path', async () => {
    await writeFile(join(dir, 'file'), 'x');
    for (const path of [join(dir, 'file'), join(dir, 'file', 'x'), '/dev/null/x']) {
      const error = await ensureOutputDir({ dir: path, what: '--out' }).catch((caught: unknown) => caught);
      expect(error, path).toBeInstanceOf(UserError);
      expect((error as UserError).exitCode).toBe(2);
      expect((error as UserError).message).toContain(`cannot write --out ${path}: `);
      expect((error as UserError).message).toMatch(/choose a directory you can write to$/);
    }
  });

  it.skipIf(process.getuid?.() === 0)('refuses a directory without write permission', async () => {
    await mkdir(join(dir, 'locked'));
    await chmod(join(dir, 'locked'), 0o555);
    await expect(ensureOutputDir({ dir: join(dir, 'locked'), what: '--out' })).rejects.toThrow(/permission denied \(EACCES\)/);
  });
});

describe('ensureOutputFile', () => {
  it('refuses a directory as the file to write', async () => {
    await expect(ensureOutputFile({ file: dir, what: '--out' })).rejects.toThrow(/it is a directory \(EISDIR\); choose a file in a directory you can write to$/);
    await expect(ensureOutputFile({ file: '/dev/null/x.ndjson', what: '--out' })).rejects.toThrow(/^cannot write --out \/dev\/null\/x\.ndjson: a file is in the way \(EEXIST at \/dev\/null\)/);
    await expect(ensureOutputFile({ file: join(dir, 'new.ndjson'), what: '--out' })).resolves.toBeUndefined();
  });
});

describe('outputPathError', () => {
  it('calls a full disk the environment (exit 3), and leaves other errors alone', () => {
    const full = outputPathError(Object.assign(new Error('no space'), { code: 'ENOSPC' }), { path: '/r', what: 'report.json' });
    expect(full).toBeInstanceOf(HarnessError);
    expect(full?.exitCode).toBe(3);
    expect(full?.message).toBe('cannot write report.json /r: no space left on the device (ENOSPC); free space or resources on that file system, or choose another path');
    expect(outputPathError(new Error('a bug'), { path: '/r', what: 'x' })).toBeUndefined();
  });
});
