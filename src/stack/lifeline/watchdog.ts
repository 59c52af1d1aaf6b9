import { createInterface } from 'node:readline';
import { endProcessGroups, type GuardedProcess } from './endProcessGroups.ts';
import { removeLabelledContainers } from './removeLabelledContainers.ts';
import { decodeWatchdogMessage } from './watchdogMessages.ts';

/**
 * The watchdog process of one run (started by startWatchdog, in a session of its own so that a closed
 * terminal does not reach it). Its stdin is its lifeline from thap: thap writes what it starts, one message
 * a line. When stdin ends (thap died: SIGKILL, OOM, a crash; or thap finished and closed it), it ends every
 * process group it was told of that is still alive and still the same process (SIGTERM, SIGKILL after
 * `GRACE_MS`) and removes the run's labelled containers, then exits. Toxiproxy goes with its faults, the
 * mocks with their app faults.
 */
const GRACE_MS = 800;

const processes: GuardedProcess[] = [];
const runIds: string[] = [];

process.on('SIGINT', () => undefined);
process.on('SIGHUP', () => undefined);

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const message = decodeWatchdogMessage(line);
  if (!message) return;
  if ('process' in message) processes.push(message.process);
  else runIds.push(message.containers.runId);
});
lines.on('close', () => {
  const lostAt = Date.now();
  void Promise.all([endProcessGroups({ processes, graceMs: GRACE_MS }), ...runIds.map((runId) => removeLabelledContainers({ runId }))]).then(([ended, ...containers]) => {
    // Nothing to say after a run that stopped everything itself.
    if (ended.length > 0 || containers.flat().length > 0) {
      process.stderr.write(`${new Date().toISOString()} lifeline closed: ended ${ended.join(', ') || 'no process'}${containers.flat().length ? `; removed containers ${containers.flat().join(', ')}` : ''} in ${Date.now() - lostAt} ms\n`);
    }
    process.exit(0);
  });
});
