import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { HarnessError } from '../../core/index.ts';

type Listener = (params: Record<string, unknown>, sessionId?: string) => void;

/** Flags for a quiet, offline, throwaway headless Chromium (issue 8). */
export function chromiumFlags(userDataDir: string): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    '--disable-default-apps',
    '--mute-audio',
    '--hide-scrollbars',
    `--user-data-dir=${userDataDir}`,
    '--remote-debugging-pipe',
  ];
}

/**
 * A headless Chromium driven over the DevTools protocol through `--remote-debugging-pipe` (fd 3 in, fd 4 out,
 * NUL-separated JSON): no WebSocket and no port needed. `close()` stops the browser and removes its profile.
 */
export class CdpSession {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: Record<string, unknown>) => void; reject: (error: Error) => void; method: string }>();
  private readonly listeners = new Map<string, Listener[]>();
  private buffer = '';
  private exited = false;

  private constructor(private readonly child: ChildProcess, private readonly userDataDir: string) {
    const output = child.stdio[4] as Readable;
    output.setEncoding('utf8');
    output.on('data', (chunk: string) => this.receive(chunk));
    child.on('exit', () => {
      this.exited = true;
      for (const call of this.pending.values()) call.reject(new HarnessError(`Chromium exited during ${call.method}`));
      this.pending.clear();
    });
  }

  static async launch({ chromium }: { chromium: string }): Promise<CdpSession> {
    const userDataDir = await mkdtemp(join(tmpdir(), 'thap-chromium-'));
    const child = spawn(chromium, chromiumFlags(userDataDir), { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
    child.stderr?.resume();
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', (error) => reject(new HarnessError(`cannot start Chromium at ${chromium}: ${error.message}`, { cause: error })));
    });
    return new CdpSession(child, userDataDir);
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string, timeoutMs = 30_000): Promise<Record<string, unknown>> {
    if (this.exited) return Promise.reject(new HarnessError(`Chromium is not running (${method})`));
    const id = this.nextId++;
    const message = JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new HarnessError(`Chromium did not answer ${method} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        method,
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      (this.child.stdio[3] as Writable).write(`${message}\0`);
    });
  }

  on(event: string, listener: Listener): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  }

  /** Resolves at the next `event` (optionally of one session). */
  waitFor(event: string, sessionId?: string, timeoutMs = 30_000): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new HarnessError(`Chromium sent no ${event} within ${timeoutMs} ms`)), timeoutMs);
      const listener: Listener = (params, from) => {
        if (sessionId && from !== sessionId) return;
        clearTimeout(timer);
        this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== listener));
        resolve(params);
      };
      this.on(event, listener);
    });
  }

  async close(): Promise<void> {
    if (!this.exited) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      try {
        await this.send('Browser.close', {}, undefined, 5000);
      } catch {
        this.child.kill('SIGKILL');
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (!this.exited) this.child.kill('SIGKILL');
    }
    await rm(this.userDataDir, { recursive: true, force: true });
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let end = this.buffer.indexOf('\0');
    while (end !== -1) {
      const text = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 1);
      end = this.buffer.indexOf('\0');
      const message = JSON.parse(text) as { id?: number; method?: string; params?: Record<string, unknown>; result?: Record<string, unknown>; error?: { message: string }; sessionId?: string };
      if (message.id !== undefined) {
        const call = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (!call) continue;
        if (message.error) call.reject(new HarnessError(`Chromium refused ${call.method}: ${message.error.message}`));
        else call.resolve(message.result ?? {});
      } else if (message.method) {
        for (const listener of this.listeners.get(message.method) ?? []) listener(message.params ?? {}, message.sessionId);
      }
    }
  }
}
