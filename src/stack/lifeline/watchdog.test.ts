import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOurs } from './endProcessGroups.ts';
import { processStartTime } from './processStartTime.ts';
import { startWatchdog } from './startWatchdog.ts';
import { decodeWatchdogMessage, encodeWatchdogMessage } from './watchdogMessages.ts';

/** A process in a group of its own, as thap starts every child; resolves when it has exited. */
function sleeper() {
  const child = spawn('sleep', ['60'], { detached: true, stdio: 'ignore' });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  return { pid: child.pid as number, exited, kill: () => child.kill('SIGKILL') };
}

describe('the watchdog', () => {
  it('ends the process groups it was told of when its lifeline ends, and leaves a pid that is now another process', async () => {
    const logFile = join(await mkdtemp(join(tmpdir(), 'thap-watchdog-')), 'watchdog.log');
    const watchdog = startWatchdog({ logFile });
    const ours = sleeper();
    const reused = sleeper();
    watchdog.watch({ name: 'ours', pid: ours.pid, startTime: processStartTime(ours.pid) as string });
    // The same pid with another start time: the process the record named is gone and the pid was given again.
    watchdog.watch({ name: 'reused', pid: reused.pid, startTime: 'another' });
    watchdog.close();
    expect(await ours.exited).toBe('SIGTERM');
    const watchdogExit = new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (processStartTime(watchdog.pid) === undefined) resolve(clearInterval(poll));
      }, 20);
    });
    await watchdogExit;
    expect(await readFile(logFile, 'utf8')).toMatch(/lifeline closed: ended ours \(\d+\) in \d+ ms/);
    expect(processStartTime(reused.pid)).toBeDefined();
    reused.kill();
  });

  it('reads back what thap writes and ignores what is not a message', () => {
    const entry = { name: 'k6', pid: 42, startTime: '1234' };
    expect(decodeWatchdogMessage(encodeWatchdogMessage({ process: entry }))).toEqual({ process: entry });
    expect(decodeWatchdogMessage(encodeWatchdogMessage({ containers: { runId: 'demo-1' } }))).toEqual({ containers: { runId: 'demo-1' } });
    expect(decodeWatchdogMessage('{"process":{"name":"x","pid":-1}}')).toBeUndefined();
    expect(decodeWatchdogMessage('not json')).toBeUndefined();
  });

  it('counts a group as ours when its leader is the same process or gone, never when the pid is another process now', () => {
    const startTimes: Record<number, string> = { 10: '500' };
    const startTimeOf = (pid: number) => startTimes[pid];
    expect(isOurs({ name: 'a', pid: 10, startTime: '500' }, startTimeOf)).toBe(true);
    expect(isOurs({ name: 'a', pid: 10, startTime: '499' }, startTimeOf)).toBe(false);
    expect(isOurs({ name: 'leader gone', pid: 11, startTime: '500' }, startTimeOf)).toBe(true);
  });
});
