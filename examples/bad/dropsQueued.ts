// A bad client: the journal reference client (examples/journal) with one flaw. A seeded share of its writes
// (BAD_CLIENT_DROP_SHARE, default 0.05; BAD_CLIENT_DROP_SEED, default 1) is never sent: the counter is told
// `queued`, the write waits on the journal for ever, and nobody is told (issue 13: "silently drops a share
// of the writes it answered queued"). Which writes are dropped depends only on the seed and the correlation
// id (forgets.ts), so a test counts them exactly.
import { runClient } from '../shared/runClient.ts';
import { journalFile, startJournalClient } from '../journal/client.ts';
import { dropSettings, forgets } from './forgets.ts';

const drop = dropSettings(process.env);

await runClient({
  name: 'bad-drops-queued',
  start: async (config) => startJournalClient({ config, journalFile: await journalFile(), forget: (correlationId) => forgets({ ...drop, correlationId }) }),
});
