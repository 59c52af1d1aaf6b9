// A bad client for tests: the naive client, until it has answered BAD_CLIENT_DIE_AFTER journey requests
// (default 20); then it exits with code 1 at once, as a crash would.
import { startNaiveClient } from '../naive/client.ts';
import { outcomeLogger } from '../shared/outcomeLog.ts';
import { runClient } from '../shared/runClient.ts';

const dieAfter = Number(process.env.BAD_CLIENT_DIE_AFTER ?? '20');
if (!Number.isInteger(dieAfter) || dieAfter < 1) {
  process.stderr.write(`bad-dies-mid-run: BAD_CLIENT_DIE_AFTER must be a positive integer (got ${JSON.stringify(process.env.BAD_CLIENT_DIE_AFTER)})\n`);
  process.exit(2);
}
let answered = 0;
const log = outcomeLogger();

await runClient({
  name: 'bad-dies-mid-run',
  start: (config) =>
    startNaiveClient({
      config,
      log: (line) => {
        log(line);
        answered += 1;
        if (answered >= dieAfter) {
          process.stderr.write(`bad-dies-mid-run: crashing after ${answered} requests\n`);
          // Let this answer leave, then die without closing anything.
          setImmediate(() => process.exit(1));
        }
      },
    }),
});
