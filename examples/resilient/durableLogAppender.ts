import { DurableLog } from './durableLog.ts';

/**
 * A process that appends records to a DurableLog as fast as it can, in concurrent groups, and prints the
 * number of every record whose append resolved (was acknowledged). durableLog.test.ts kills it with SIGKILL
 * mid-stream and checks that every printed record is in the file. Usage: durableLogAppender.ts <file>.
 */
const file = process.argv[2];
if (file === undefined) throw new Error('usage: durableLogAppender.ts <file>');
const { log } = await DurableLog.open<{ n: number }>(file);
for (let n = 0; ; n += 20) {
  await Promise.all(Array.from({ length: 20 }, (_, i) => log.append({ n: n + i }).then(() => process.stdout.write(`${n + i}\n`))));
}
