import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ClientConfig } from '../shared/config.ts';
import type { ServiceName } from '../../src/contract/services.ts';
import { healthRoute } from '../shared/healthRoute.ts';
import { journeyRoute } from '../shared/journeyRoute.ts';
import { route, startJsonServer, type RunningServer } from '../shared/jsonServer.ts';
import { NicSessions } from '../shared/nicSession.ts';
import { eventLogger, outcomeLogger, type EventLogger, type OutcomeLogger } from '../shared/outcomeLog.ts';
import { configuredSteps } from '../shared/steps/index.ts';
import { Journal } from './journal.ts';
import { Lane } from './lane.ts';
import { journalSettings, type JournalSettings } from './settings.ts';
import { journalStrategy } from './strategy.ts';

export interface RunningJournalClient extends RunningServer {
  journal: Journal;
  lanes: Partial<Record<ServiceName, Lane>>;
  /** Stops the lanes, closes the server and the journal (pending writes stay on disk for the next start). */
  stop: () => Promise<void>;
}

/** The journal file: `$THAP_OUTBOX_DIR/journal.ndjson`, in a new temporary directory when that is not set. */
export async function journalFile(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const dir = env.THAP_OUTBOX_DIR || (await mkdtemp(path.join(os.tmpdir(), 'thap-journal-')));
  return path.join(dir, 'journal.ndjson');
}

/**
 * Starts the journal client: one lane (reconciler) per configured NIC service, the journal's pending
 * writes from an earlier start queued first.
 */
export async function startJournalClient(args: {
  config: ClientConfig;
  journalFile: string;
  settings?: Partial<JournalSettings>;
  log?: OutcomeLogger;
  logEvent?: EventLogger;
  forget?: (correlationId: string) => boolean;
}): Promise<RunningJournalClient> {
  const settings = { ...journalSettings(args.config), ...args.settings };
  const logEvent = args.logEvent ?? eventLogger();
  const journal = await Journal.open(args.journalFile);
  const steps = configuredSteps(args.config);
  const stepsByName = new Map(steps.map((step) => [step.step, step]));
  const sessions = new NicSessions();
  const lanes: Partial<Record<ServiceName, Lane>> = {};
  for (const service of new Set(steps.map((step) => step.service))) {
    const baseUrl = args.config.nic[service] as string;
    lanes[service] = new Lane({ service, baseUrl, steps: stepsByName, journal, settings, session: sessions.for({ baseUrl, service }), logEvent, ...(args.forget ? { forget: args.forget } : {}) });
  }
  const replayed = journal.pending();
  for (const entry of replayed) lanes[stepsByName.get(entry.step)?.service as ServiceName]?.enqueue(entry.correlationId);
  if (replayed.length > 0) logEvent({ event: 'recovered', pending: replayed.length, file: args.journalFile });
  const strategy = journalStrategy({ journal, lanes: lanes as Record<ServiceName, Lane>, answerBudgetMs: settings.answerBudgetMs });
  const log = args.log ?? outcomeLogger();
  const server = await startJsonServer({
    port: args.config.port,
    routes: [
      healthRoute(() => ({ backlog: Object.values(lanes).reduce((sum, lane) => sum + lane.backlog, 0) })),
      route('GET /thap/outbox', () => ({ status: 200, body: journal.status('journal') })),
      ...steps.map((step) => journeyRoute({ step, config: args.config, strategy, log, sessions, ...(step.callback ? { callbackPolicy: settings.callbackPolicies[step.callback.kind] } : {}) })),
    ],
  });
  for (const lane of Object.values(lanes)) lane.start();
  return {
    ...server,
    journal,
    lanes,
    stop: async () => {
      await Promise.all(Object.values(lanes).map((lane) => lane.stop()));
      await server.close();
      await journal.close();
    },
  };
}
