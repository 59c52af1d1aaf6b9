import { spawn } from 'node:child_process';
import { appendFile, mkdtemp, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DurableLog } from './durableLog.ts';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function tempFile(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'thap-durable-'));
  dirs.push(dir);
  return path.join(dir, 'outbox.ndjson');
}

describe('DurableLog', () => {
  it('writes every appended record before append resolves, and reads them back in order after reopening', async () => {
    const file = await tempFile();
    const { log, records } = await DurableLog.open<{ n: number }>(file);
    expect(records).toEqual([]);
    await Promise.all(Array.from({ length: 50 }, (_, n) => log.append({ n })));
    const onDisk = (await readFile(file, 'utf8')).replace(/\0+$/, '').trim().split('\n');
    expect(onDisk).toHaveLength(50);
    await log.close();
    const reopened = await DurableLog.open<{ n: number }>(file);
    expect(reopened.records.map((record) => record.n)).toEqual(Array.from({ length: 50 }, (_, n) => n));
    await reopened.log.close();
  });

  it('skips a torn last line and keeps appending on a fresh line', async () => {
    const file = await tempFile();
    await writeFile(file, '{"n":1}\n{"n":2}\n{"n":');
    const { log, records } = await DurableLog.open<{ n: number }>(file);
    expect(records).toEqual([{ n: 1 }, { n: 2 }]);
    await log.append({ n: 3 });
    await log.close();
    const reopened = await DurableLog.open<{ n: number }>(file);
    expect(reopened.records).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    await reopened.log.close();
  });

  it('refuses a file damaged in the middle, naming the line', async () => {
    const file = await tempFile();
    await writeFile(file, '{"n":1}\nnot json\n');
    await appendFile(file, '{"n":3}\n');
    await expect(DurableLog.open(file)).rejects.toThrow(/outbox\.ndjson:2: outbox line is not JSON/);
  });
});

describe('DurableLog torn tail', () => {
  it('drops a complete-looking last record that has no newline (its append was never acknowledged)', async () => {
    const file = await tempFile();
    await writeFile(file, '{"n":1}\n{"n":2}');
    const { log, records } = await DurableLog.open<{ n: number }>(file);
    expect(records).toEqual([{ n: 1 }]);
    await log.append({ n: 3 });
    await log.close();
    expect((await readFile(file, 'utf8')).replace(/\0+$/, '')).toBe('{"n":1}\n{"n":3}\n');
  });
});

describe('DurableLog preallocation', () => {
  it('writes in place inside zero-filled chunks, wipes a torn record, and keeps reading past a chunk boundary', async () => {
    const file = await tempFile();
    const first = await DurableLog.open<{ n: number; pad: string }>(file);
    const pad = 'x'.repeat(1000);
    // about 4.4 MB of records: crosses the first 4 MB chunk
    for (let n = 0; n < 4400; n += 100) await Promise.all(Array.from({ length: 100 }, (_, i) => first.log.append({ n: n + i, pad })));
    await first.log.close();
    const size = (await stat(file)).size;
    expect(size % (4 * 1024 * 1024)).toBe(0);
    expect(size).toBeGreaterThanOrEqual(8 * 1024 * 1024);
    // a crash in the middle of a long write leaves bytes after the last newline, then zeros
    const text = (await readFile(file, 'utf8')).replace(/\0+$/, '');
    const handle = await open(file, 'r+');
    await handle.write('{"n":99999,"pad":"torn', Buffer.byteLength(text));
    await handle.close();
    const second = await DurableLog.open<{ n: number }>(file);
    expect(second.records).toHaveLength(4400);
    expect(second.records.at(-1)?.n).toBe(4399);
    await second.log.append({ n: 1 } as never);
    await second.log.close();
    const third = await DurableLog.open<{ n: number }>(file);
    expect(third.records.at(-1)).toEqual({ n: 1 });
    expect(third.records).toHaveLength(4401);
    await third.log.close();
  });
});

describe('DurableLog group commit', () => {
  it('makes concurrent appends durable with far fewer syncs than records, all readable after reopening', async () => {
    const file = await tempFile();
    const { log } = await DurableLog.open<{ n: number }>(file);
    await Promise.all(Array.from({ length: 500 }, (_, n) => log.append({ n })));
    // The first append starts a sync; the other 499 arrive while it runs and share the next one.
    expect(log.syncs).toBeLessThanOrEqual(5);
    expect(log.syncs).toBeGreaterThanOrEqual(1);
    await log.close();
    const reopened = await DurableLog.open<{ n: number }>(file);
    expect(reopened.records.map((record) => record.n)).toEqual(Array.from({ length: 500 }, (_, n) => n));
    await reopened.log.close();
  });

  it('resolves an append only after the sync that covers its record has finished', async () => {
    const file = await tempFile();
    const { log } = await DurableLog.open<{ n: number }>(file);
    const fileHandlePrototype = Object.getPrototypeOf(await open(file, 'r')) as { datasync: () => Promise<void> };
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const original = fileHandlePrototype.datasync;
    const spy = vi.spyOn(fileHandlePrototype, 'datasync').mockImplementation(async function (this: unknown) {
      await held;
      return original.call(this);
    });
    try {
      let answered = 0;
      const appends = Array.from({ length: 10 }, (_, n) => log.append({ n }).then(() => (answered += 1)));
      await vi.waitFor(() => expect(spy).toHaveBeenCalled());
      expect(answered).toBe(0); // written, not yet synced: nobody may be told `queued`
      release();
      await Promise.all(appends);
      expect(answered).toBe(10);
    } finally {
      spy.mockRestore();
      await log.close();
    }
  });

  it('loses no acknowledged record when the appending process is killed mid-stream (SIGKILL)', async () => {
    const file = await tempFile();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'durableLogAppender.ts'), file], { stdio: ['ignore', 'pipe', 'inherit'] });
    const acknowledged: number[] = [];
    let buffered = '';
    await new Promise<void>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`appender exited early (${code})`))));
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) acknowledged.push(Number(line));
        if (acknowledged.length >= 2000 && child.exitCode === null) child.kill('SIGKILL');
      });
    });
    const { log, records } = await DurableLog.open<{ n: number }>(file);
    await log.close();
    const stored = new Set(records.map((record) => record.n));
    expect(acknowledged.length).toBeGreaterThanOrEqual(2000);
    expect(acknowledged.filter((n) => !stored.has(n))).toEqual([]);
  }, 30_000);
});
