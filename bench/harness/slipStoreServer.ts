import { startHarnessEndpoint } from '../../src/load/startHarnessEndpoint.ts';
import { CleanupStack } from '../../src/stack/cleanupStack.ts';

/**
 * thap's own t0 beacon and slip store (src/load/startHarnessEndpoint.ts), alone in a process of its own:
 * lets k6 run the generated script with slips but without thap, to split thap's overhead into "the slip
 * protocol" and "everything else thap does in its process". Prints `{"url":...}` when ready.
 */
const cleanup = new CleanupStack();
const endpoint = await startHarnessEndpoint({ cleanup });
process.stdout.write(`${JSON.stringify({ url: endpoint.url })}\n`);
process.once('SIGTERM', () => void cleanup.runAll().then(() => process.exit(0)));
