// Serves the NIC mocks at the fixed ports of the container stack (src/stack/container/layout.ts), because
// `thap mocks serve` picks random ports and Toxiproxy's config (docker/toxiproxy.json) needs fixed ones.
// Env: THAP_SEED (default 1), THAP_RUN_DIR (ledger.ndjson and upstream.ndjson go there when set).
import { startMocks } from '../mocks/index.ts';
import { mockPorts } from '../src/stack/container/layout.ts';

const mocks = await startMocks({ ports: mockPorts, seed: Number(process.env.THAP_SEED ?? 1), runDir: process.env.THAP_RUN_DIR || undefined });
process.stdout.write(`${JSON.stringify({ services: mocks.urls })}\n`);
const stop = (): void => void mocks.close().finally(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
