// Serves the NIC mocks at the fixed ports of the container stack (src/stack/container/layout.ts), because
// `thap mocks serve` picks random ports and Toxiproxy's config (docker/toxiproxy.json) needs fixed ones.
// Env: THAP_SEED (default 1), THAP_RUN_DIR (ledger.ndjson and upstream.ndjson go there when set),
// THAP_MOCKS_CONFIG (a mocks config file, as `thap mocks serve --config`).
import { startMocks } from '../../../mocks/index.ts';
import { loadMocksConfig } from '../../../mocks/loadConfig.ts';
import { mockPorts } from './layout.ts';

const config = process.env.THAP_MOCKS_CONFIG ? await loadMocksConfig(process.env.THAP_MOCKS_CONFIG) : undefined;
const mocks = await startMocks({ ports: mockPorts, seed: Number(process.env.THAP_SEED ?? 1), runDir: process.env.THAP_RUN_DIR || undefined, config });
process.stdout.write(`${JSON.stringify({ services: mocks.urls })}\n`);
const stop = (): void => void mocks.close().finally(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
