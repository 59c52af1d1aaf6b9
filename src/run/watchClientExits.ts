import { join } from 'node:path';
import { exitDetail } from '../stack/index.ts';
import type { RunRecord } from './runRecord.ts';
import type { RunClient } from './startRunStack.ts';

/**
 * Records every exit of a client process thap started while the run is live (run.json `client.exits`, an
 * event and one log line): a client that dies under test is scored and fails its gate, not a harness failure.
 */
export function watchClientExits({ clients, runDir, record, log, isLive }: { clients: RunClient[]; runDir: string; record: RunRecord; log: (line: string) => void; isLive: () => boolean }): void {
  for (const client of clients) {
    const suffix = client.region === undefined ? '' : `-${client.region}`;
    void client.process?.exited.then((exit) => {
      if (!isLive()) return;
      const what = clientExitMessage({ client, detail: exitDetail(exit), log: join(runDir, `client${suffix}.log`) });
      record.event(what);
      void record.clientExited({ at: Date.now(), code: exit.code, signal: exit.signal, ...(client.region === undefined ? {} : { region: client.region }) });
      log(what);
    });
  }
}

/**
 * The line saying a client process exited: "before it became healthy" when its health check before load
 * failed (it never answered, so no load was offered), else "mid-run" (its answers stop there).
 */
export function clientExitMessage({ client, detail, log }: { client: Pick<RunClient, 'region' | 'health'>; detail: string; log: string }): string {
  const who = `the client${client.region === undefined ? '' : ` of region ${client.region}`}`;
  if (client.health?.ok === false) return `${who} exited before it became healthy (${detail}); no load is sent to it (see ${log})`;
  return `${who} exited mid-run (${detail}); its answers stop here (see ${log})`;
}
