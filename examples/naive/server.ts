// The naive reference client: `node --import tsx examples/naive/server.ts` (env: docs/client-contract.md).
import { runClient } from '../shared/runClient.ts';
import { startNaiveClient } from './client.ts';

await runClient({ name: 'naive', start: (config) => startNaiveClient({ config }) });
