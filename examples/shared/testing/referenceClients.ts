import path from 'node:path';
import { startJournalClient } from '../../journal/client.ts';
import type { JournalSettings } from '../../journal/settings.ts';
import { startNaiveClient } from '../../naive/client.ts';
import { startResilientClient } from '../../resilient/client.ts';
import { startRetryStormClient } from '../../retry-storm/client.ts';
import type { ClientConfig } from '../config.ts';
import type { RunningServer } from '../jsonServer.ts';

export type StartClient = (config: ClientConfig) => Promise<RunningServer & { stop?: () => Promise<void> }>;

/**
 * The four reference clients, each started in-process without logging, their outbox and journal in the directory
 * `stateDir()` names when a client starts (for tests that drive every client the same way). `journal` overrides the journal client's settings.
 */
export function referenceClients(args: { stateDir: () => string; journal?: Partial<JournalSettings> }): Array<[string, StartClient]> {
  return [
    ['naive', (config) => startNaiveClient({ config, log: () => {} })],
    ['retry-storm', (config) => startRetryStormClient({ config, log: () => {}, logEvent: () => {} })],
    ['resilient', (config) => startResilientClient({ config, outboxFile: path.join(args.stateDir(), 'outbox.ndjson'), log: () => {}, logEvent: () => {} })],
    ['journal', (config) => startJournalClient({ config, journalFile: path.join(args.stateDir(), 'journal.ndjson'), ...(args.journal ? { settings: args.journal } : {}), log: () => {}, logEvent: () => {} })],
  ];
}
