import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startProcess } from '../managedProcess.ts';
import { LIFELINE_FD, watchLifeline } from './watchLifeline.ts';

const fixture = new URL('./fixtures/holdsLifeline.ts', import.meta.url).pathname;

async function untilLogged(logFile: string, text: string): Promise<void> {
  while (!(await readFile(logFile, 'utf8').catch(() => '')).includes(text)) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('watchLifeline', () => {
  it('ends a process thap started once thap\'s end of the lifeline closes, as when thap is killed', async () => {
    const logFile = join(await mkdtemp(join(tmpdir(), 'thap-lifeline-')), 'child.log');
    const child = startProcess({ name: 'child', command: process.execPath, args: ['--import', 'tsx', fixture], logFile });
    await untilLogged(logFile, 'watching');
    expect(child.hasExited()).toBe(false);
    // What the kernel does to every descriptor of a process that dies, SIGKILL included.
    (child.child.stdio[LIFELINE_FD] as Socket).destroy();
    expect(await child.exited).toEqual({ code: 0, signal: null });
    expect(await readFile(logFile, 'utf8')).toContain('lifeline lost');
  });

  it('does nothing in a process a user started (no THAP_LIFELINE_FD)', () => {
    expect(watchLifeline({ env: {}, onLost: () => expect.unreachable() })).toBe(false);
    expect(watchLifeline({ env: { THAP_LIFELINE_FD: '1' }, onLost: () => expect.unreachable() })).toBe(false);
  });
});
