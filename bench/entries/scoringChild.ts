/**
 * Child process of the scoring bench: `node --import tsx bench/entries/scoringChild.ts <score|score-lean|count> <runDir>`
 * (`score-lean`: without the per-step and per-endpoint breakdown, as thap compare scores).
 * Runs one job alone so its peak RSS is its own (the process's, scoring worker included), and prints one JSON
 * line: seconds, maxRssMB, rows. Scoring runs as `thap report` runs it: scoreRunBounded.
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { scoreRunBounded } from '../../src/scoring/worker/scoreRunBounded.ts';

async function countLines(file: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let at = chunk.indexOf(10);
    while (at !== -1) {
      lines += 1;
      at = chunk.indexOf(10, at + 1);
    }
  }
  return lines;
}

const [mode, runDir] = process.argv.slice(2);
if (!runDir || (mode !== 'score' && mode !== 'score-lean' && mode !== 'count')) throw new Error('usage: scoringChild.ts <score|score-lean|count> <runDir>');
const started = performance.now();
let rows: number;
let score: number | null | undefined;
if (mode === 'score' || mode === 'score-lean') {
  const report = await scoreRunBounded({ runDir, breakdown: mode === 'score' });
  rows = report.samples.rows;
  score = report.score.total;
} else rows = (await countLines(join(runDir, 'k6.csv'))) - 1;
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`${JSON.stringify({ seconds, maxRssMB: process.resourceUsage().maxRSS / 1024, rows, score })}\n`);
