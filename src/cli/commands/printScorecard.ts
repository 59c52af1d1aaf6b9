import type { compareRuns } from '../../report/index.ts';

/** What `thap compare` and `thap suite` print of a scorecard: each scenario's and vendor's verdict, warnings and the files. */
export function printScorecard({ scorecard, files, notes }: Awaited<ReturnType<typeof compareRuns>>, write: (text: string) => void = (text) => void process.stdout.write(text)): void {
  for (const scenario of scorecard.scenarios) {
    write(`${scenario.scenario.name}: ${scenario.verdict}\n`);
    if (scenario.noise) write(`  warning: ${scenario.noise}\n`);
    for (const client of scenario.clients) if (client.unsteady) write(`  warning: ${client.unsteady}\n`);
  }
  if (scorecard.scenarios.length > 1) for (const vendor of scorecard.vendors) write(`${vendor.verdict}\n`);
  if (scorecard.mismatches.length) write(`warning: runs are mismatched (${scorecard.mismatches.length} difference(s)); marked on every page\n`);
  for (const file of files) write(`wrote ${file}\n`);
  for (const note of notes) write(`note: ${note}\n`);
}
