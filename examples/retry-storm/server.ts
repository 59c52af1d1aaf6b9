// The retry-storm reference client: `node --import tsx examples/retry-storm/server.ts` (env: docs/client-contract.md).
import { runClient } from '../shared/runClient.ts';
import { startRetryStormClient } from './client.ts';

await runClient({ name: 'retry-storm', start: (config) => startRetryStormClient({ config }) });
