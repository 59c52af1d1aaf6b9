import type { CalibrationClient } from './clients.ts';
import { summarizeCell, type CalibrationRun } from './calibrationRun.ts';

/**
 * The calibration as a Markdown table for docs/scoring.md: one row per client, one column per scenario, each
 * cell `score ±spread verdict (runs)`, e.g. `64.9 ±0.3 failed (3)`; `not run` where no run was made, and
 * the client's note where thap cannot drive it.
 */
export function calibrationTable(args: { clients: readonly CalibrationClient[]; scenarios: readonly string[]; runs: readonly CalibrationRun[] }): string {
  const header = ['client', 'kind', ...args.scenarios];
  const lines = args.clients.map((client) => {
    if (!client.script) return [client.name, client.kind, ...args.scenarios.map(() => 'cannot run')];
    return [client.name, client.kind, ...args.scenarios.map((scenario) => cellText(args.runs.filter((run) => run.client === client.name && run.scenario === scenario)))];
  });
  const notes = args.clients.filter((client) => client.note).map((client) => `- ${client.name}: ${client.note}`);
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...lines.map((cells) => `| ${cells.join(' | ')} |`), ...(notes.length ? ['', ...notes] : [])].join('\n');
}

function cellText(runs: readonly CalibrationRun[]): string {
  if (runs.length === 0) return 'not run';
  const cell = summarizeCell(runs);
  const verdicts = Object.entries(cell.statuses)
    .map(([status, count]) => (count === cell.runs ? status : `${status} x${count}`))
    .join(', ');
  const score = cell.score === null ? '-' : `${cell.score.toFixed(1)}${cell.runs > 1 && cell.spread !== null ? ` ±${cell.spread.toFixed(1)}` : ''}`;
  return `${score} ${verdicts} (${cell.runs})`;
}
