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
      const what = `the client${suffix ? ` of region ${client.region}` : ''} exited mid-run (${exitDetail(exit)}); its answers stop here (see ${join(runDir, `client${suffix}.log`)})`;
      record.event(what);
      void record.clientExited({ at: Date.now(), code: exit.code, signal: exit.signal, ...(client.region === undefined ? {} : { region: client.region }) });
      log(what);
    });
  }
}
