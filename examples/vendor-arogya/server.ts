// The made-up "Arogya HMIS 2" vendor system: `node --import tsx examples/vendor-arogya/server.ts`.
// thap talks to it through examples/vendor-arogya/mapping.yaml.
import { runClient } from '../shared/runClient.ts';
import { startArogyaClient } from './client.ts';

await runClient({ name: 'vendor-arogya', start: (config) => startArogyaClient({ config }) });
