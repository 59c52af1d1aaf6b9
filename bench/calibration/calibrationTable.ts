import type { CalibrationClient } from './clients.ts';
import { summarizeCell, type CalibrationRun } from './calibrationRun.ts';

/**
 * The calibration as a Markdown table for docs/scoring.md: one row per client, one column per scenario, each
 * cell `score ±spread verdict (runs)`, e.g. `64.9 ±0.3 failed (3)`; `not run` where no run was made, and
 * the client's note where thap cannot drive it; `, flaw not committed` where a bad client's own log shows it never
 * did what it is bad at in any of the cell's runs.
 */
export function calibrationTable(args: { clients: readonly CalibrationClient[]; scenarios: readonly string[]; runs: readonly CalibrationRun[] }): string {
  const header = ['client', 'kind', ...args.scenarios];
  const lines = args.clients.map((client) => {
    if (!client.script) return [client.name, client.kind, ...args.scenarios.map(() => 'cannot run')];
    return [client.name, client.kind, ...args.scenarios.map((scenario) => cellText(args.runs.filter((run) => run.client === client.name && run.scenario === scenario)))];
  });
  const notes = args.clients.filter((client) => client.note).map((client) => `- ${client.name}: ${client.note}`);
  const why = args.clients.flatMap((client) =>
    args.scenarios.flatMap((scenario) => {
      const reasons = cellReasons(args.runs.filter((run) => run.client === client.name && run.scenario === scenario));
      return reasons ? [`- ${client.name} on ${scenario}: ${reasons}`] : [];
    }),
  );
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...lines.map((cells) => `| ${cells.join(' | ')} |`), ...(notes.length ? ['', ...notes] : []), ...(why.length ? ['', ...why] : [])].join('\n');
}

/**
 * Why the runs of a cell did not pass: each failed gate and each failed validity check (by name) with the
 * number of runs it was in, e.g. `failed integrity.undelivered == 0 (x3); invalid mocks.baselineSpeed (x1)`; and
 * in how many runs a bad client committed no flaw.
 */
function cellReasons(runs: readonly CalibrationRun[]): string | undefined {
  const count = (names: string[]) => {
    const counts = new Map<string, number>();
    for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
    return [...counts].map(([name, times]) => `${name} (x${times})`).join(', ');
  };
  const gates = count(runs.flatMap((run) => (run.failedGates ?? []).map((gate) => gate.replace(/ \(actual .*\)$/, ''))));
  const checks = count(runs.flatMap((run) => (run.invalidBecause ?? []).map((check) => check.split(':')[0] as string)));
  const noReport = count(runs.filter((run) => run.status.startsWith('no report')).map((run) => run.status));
  const idle = runs.filter((run) => run.flawsCommitted === 0).length;
  const noFlaw = idle > 0 ? `flaw not committed in ${idle} of ${runs.length} (its own log: the scenario gave it no occasion)` : '';
  const parts = [gates && `failed ${gates}`, checks && `invalid ${checks}`, noReport, noFlaw].filter((part) => part !== '');
  return parts.length > 0 ? parts.join('; ') : undefined;
}

function cellText(runs: readonly CalibrationRun[]): string {
  if (runs.length === 0) return 'not run';
  const cell = summarizeCell(runs);
  const verdicts = Object.entries(cell.statuses)
    .map(([status, count]) => (count === cell.runs ? status : `${status} x${count}`))
    .join(', ');
  const score = cell.score === null ? '-' : `${cell.score.toFixed(1)}${cell.spread !== null ? ` ±${cell.spread.toFixed(1)}` : ''}`;
  // A bad client that never did what it is bad at (a liar whose NIC never failed) passed as an honest client
  // would: the cell says so, so its pass is not read as thap missing the flaw.
  const idle = runs.every((run) => run.flawsCommitted === 0) ? ', flaw not committed' : '';
  return `${score} ${verdicts} (${cell.runs})${idle}`;
}
