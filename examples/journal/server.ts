// The journal reference client: `node --import tsx examples/journal/server.ts` (env: docs/client-contract.md).
// Its journal is `$THAP_OUTBOX_DIR/journal.ndjson`, replayed when it starts again.
import { runClient } from '../shared/runClient.ts';
import { journalFile, startJournalClient } from './client.ts';

await runClient({ name: 'journal', start: async (config) => startJournalClient({ config, journalFile: await journalFile() }) });
