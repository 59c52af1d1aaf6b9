// The resilient reference client: `node --import tsx examples/resilient/server.ts` (env: docs/client-contract.md;
// THAP_OUTBOX_DIR keeps the outbox across restarts).
import { eventLogger } from '../shared/outcomeLog.ts';
import { runClient } from '../shared/runClient.ts';
import { startResilientClient } from './client.ts';
import { outboxFile } from './outboxFile.ts';

await runClient({
  name: 'resilient',
  start: (config) => {
    const { file, durable } = outboxFile();
    eventLogger()({ event: 'outbox', file, durable });
    return startResilientClient({ config, outboxFile: file });
  },
});
