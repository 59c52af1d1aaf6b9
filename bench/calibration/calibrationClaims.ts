import { summarizeCell, type CalibrationRun, type RunBehaviour } from './calibrationRun.ts';
import type { CalibrationClient, ClientTrait } from './clients.ts';
import { repeatConduct } from '../../src/report/compare/repeatConduct.ts';
import { countInIndianDigits as count } from '../../src/scoring/index.ts';

/** The most a cell's scores may spread over its repeats (issue 13: "at most ±2 points"). */
export const spreadBound = 2;

/** One of issue 13's calibration claims on one scenario: held, broken (with the figures), or not yet measurable. */
export interface ClaimOutcome {
  claim: string;
  scenario: string;
  outcome: 'holds' | 'broken' | 'not measured';
  detail: string;
}

/**
 * Issue 13's claims, checked on every scenario from the valid runs (an `invalid` run is no verdict):
 * an honest client outscores one that fabricates; a client that keeps the counters open and loses nothing
 * outscores one that refuses work; a client that loses or fabricates never passes; a cell's repeats spread by at
 * most ±2 points where the client behaved alike from run to run; a well-built client of another design scores as
 * well as examples/resilient.
 */
export function calibrationClaims(args: { clients: readonly CalibrationClient[]; scenarios: readonly string[]; runs: readonly CalibrationRun[] }): ClaimOutcome[] {
  return args.scenarios.flatMap((scenario) => {
    const cells = args.clients.map((client) => ({ client, runs: args.runs.filter((run) => run.client === client.name && run.scenario === scenario && run.status !== 'invalid') }));
    return [honestOverFabricating(scenario, cells), keepingOverRefusing(scenario, cells), losersNeverPass(scenario, cells), spreadWithinBound(scenario, cells), otherDesignsScoreAsWell(scenario, cells)];
  });
}

interface Cell {
  client: CalibrationClient;
  /** Its valid runs on the scenario. */
  runs: CalibrationRun[];
}

const scoreOf = (cell: Cell): number | null => summarizeCell(cell.runs).score;
const withTrait = (cells: readonly Cell[], trait: ClientTrait) => cells.filter((cell) => cell.client.traits.includes(trait) && scoreOf(cell) !== null);
const named = (cell: Cell) => `${cell.client.name} ${(scoreOf(cell) as number).toFixed(1)}`;

/** Every pair (a, b) with a's mean score not above b's, as text; empty when every a outscores every b. */
function inversions(above: readonly Cell[], below: readonly Cell[]): string[] {
  return above.flatMap((a) => below.filter((b) => (scoreOf(a) as number) <= (scoreOf(b) as number)).map((b) => `${named(a)} is not above ${named(b)}`));
}

function ordering(claim: string, scenario: string, above: readonly Cell[], below: readonly Cell[]): ClaimOutcome {
  if (above.length === 0 || below.length === 0) return { claim, scenario, outcome: 'not measured', detail: 'no valid run on one side' };
  const broken = inversions(above, below);
  if (broken.length > 0) return { claim, scenario, outcome: 'broken', detail: broken.join('; ') };
  return { claim, scenario, outcome: 'holds', detail: `lowest ${named(lowest(above))} above highest ${named(highest(below))}` };
}

const lowest = (cells: readonly Cell[]) => cells.reduce((low, cell) => ((scoreOf(cell) as number) < (scoreOf(low) as number) ? cell : low));
const highest = (cells: readonly Cell[]) => cells.reduce((high, cell) => ((scoreOf(cell) as number) > (scoreOf(high) as number) ? cell : high));

/**
 * A bad client is held to the claims about its flaw only in the runs where it committed it (flawsCommitted
 * > 0; a run that does not say counts): a liar whose NIC never failed had nothing to lie about and answered as
 * the naive client does. Cells left with no such run are named, not counted.
 */
function committing(cells: readonly Cell[], traits: readonly ClientTrait[]): { cells: Cell[]; idle: string[] } {
  const flawed = cells.filter((cell) => cell.runs.length > 0 && traits.some((trait) => cell.client.traits.includes(trait)));
  const committed = flawed.map((cell) => ({ ...cell, runs: cell.runs.filter((run) => run.flawsCommitted === undefined || run.flawsCommitted > 0) }));
  return {
    cells: committed.filter((cell) => cell.runs.length > 0),
    idle: committed.filter((cell) => cell.runs.length === 0).map((cell) => `${cell.client.name} had no occasion here (its flaw committed 0 times)`),
  };
}

const withIdle = (outcome: ClaimOutcome, idle: readonly string[]): ClaimOutcome => (idle.length > 0 ? { ...outcome, detail: [outcome.detail, ...idle].join('; ') } : outcome);

function honestOverFabricating(scenario: string, cells: readonly Cell[]): ClaimOutcome {
  const fabricating = committing(cells, ['fabricates']);
  return withIdle(ordering('an honest client outscores one that fabricates', scenario, withTrait(cells, 'honest'), withTrait(fabricating.cells, 'fabricates')), fabricating.idle);
}

/** "Loses nothing": no run of the cell failed an `integrity.` gate. A client that lost work is not held to it. */
function keepingOverRefusing(scenario: string, cells: readonly Cell[]): ClaimOutcome {
  const claim = 'a client that keeps the counters open and loses nothing outscores one that refuses work';
  const keeping = withTrait(cells, 'keepsCounters');
  const lossless = keeping.filter((cell) => cell.runs.every((run) => !(run.failedGates ?? []).some((gate) => gate.startsWith('integrity.'))));
  const outcome = ordering(claim, scenario, lossless, withTrait(cells, 'refusesWork'));
  const lost = keeping.filter((cell) => !lossless.includes(cell)).map((cell) => `${cell.client.name} lost work here`);
  return lost.length > 0 ? { ...outcome, detail: [outcome.detail, ...lost].join('; ') } : outcome;
}

function losersNeverPass(scenario: string, cells: readonly Cell[]): ClaimOutcome {
  const { cells: losers, idle } = committing(cells, ['loses', 'fabricates']);
  return withIdle(losersOutcome(scenario, losers), idle);
}

function losersOutcome(scenario: string, losers: readonly Cell[]): ClaimOutcome {
  const claim = 'a client that loses or fabricates never passes';
  if (losers.length === 0) return { claim, scenario, outcome: 'not measured', detail: 'no valid run of such a client that lost or fabricated' };
  const passed = losers.filter((cell) => cell.runs.some((run) => run.status === 'passed'));
  if (passed.length > 0) return { claim, scenario, outcome: 'broken', detail: passed.map((cell) => `${cell.client.name} passed ${cell.runs.filter((run) => run.status === 'passed').length} of ${cell.runs.length}`).join('; ') };
  return { claim, scenario, outcome: 'holds', detail: losers.map((cell) => `${cell.client.name} failed ${cell.runs.length} of ${cell.runs.length}`).join('; ') };
}

/**
 * ±2 is the bound on thap's measurement, so a cell is held to it unless its runs show the client itself behaving
 * differently from run to run under the one plan (repeatConduct: it sent NIC more requests in one run, or stayed
 * metastable in some only). Such a cell is named with what differed, not counted against the measurement; a wide
 * cell whose runs do not show that (alike, or not logged) breaks the claim.
 */
function spreadWithinBound(scenario: string, cells: readonly Cell[]): ClaimOutcome {
  const claim = `every cell's repeats within ±${spreadBound} points where the client behaved alike from run to run`;
  const spreads = cells.map((cell) => ({ cell, spread: summarizeCell(cell.runs).spread })).filter((entry): entry is { cell: Cell; spread: number } => entry.spread !== null);
  if (spreads.length === 0) return { claim, scenario, outcome: 'not measured', detail: 'no cell has two valid runs' };
  const wide = spreads.filter((entry) => entry.spread > spreadBound);
  const theClients = wide.filter((entry) => conductOf(entry.cell.runs) === 'differed');
  const unexplained = wide.filter((entry) => !theClients.includes(entry));
  const described = (entry: { cell: Cell; spread: number }) => `${entry.cell.client.name} ±${entry.spread.toFixed(1)}${whatMoved(entry.cell.runs)}`;
  const excused = theClients.map((entry) => `${described(entry)}: it behaved differently from run to run`);
  if (unexplained.length > 0) return { claim, scenario, outcome: 'broken', detail: [...unexplained.map(described), ...excused].join('; ') };
  const within = spreads.filter((entry) => entry.spread <= spreadBound);
  const widest = within.length > 0 ? within.reduce((a, b) => (b.spread > a.spread ? b : a)) : undefined;
  const held = `${spreads.length} cells with repeats, widest ${theClients.length > 0 ? 'of the rest ' : ''}${widest ? `${widest.cell.client.name} ±${widest.spread.toFixed(1)}` : 'none'}`;
  return { claim, scenario, outcome: 'holds', detail: [held, ...excused].join('; ') };
}

const conductOf = (runs: readonly CalibrationRun[]) =>
  repeatConduct(runs.map((run) => ({ requestsToNic: run.behaviour?.requestsToNic ?? null, metastable: run.behaviour?.metastable ?? null }))).verdict;

/**
 * Issue 13: "a well-built client of a design different from examples/resilient must score as well as it does".
 * As well as: no more than twice the repeat bound below it, the most two cells of equal clients can differ
 * when each spreads by ±2. Scoring above it is no breach: the claim guards against a score built around one
 * design.
 */
function otherDesignsScoreAsWell(scenario: string, cells: readonly Cell[]): ClaimOutcome {
  const bound = 2 * spreadBound;
  const claim = `a well-built client of another design scores as well as resilient (at most ${bound} points below)`;
  const [reference] = withTrait(cells, 'referenceDesign');
  const others = withTrait(cells, 'otherDesign');
  if (!reference || others.length === 0) return { claim, scenario, outcome: 'not measured', detail: 'no valid run on one side' };
  const floor = (scoreOf(reference) as number) - bound;
  const below = others.filter((cell) => (scoreOf(cell) as number) < floor);
  const detail = `${named(reference)}; ${others.map(named).join(', ')}`;
  return { claim, scenario, outcome: below.length > 0 ? 'broken' : 'holds', detail };
}

/** The claims as Markdown lines under the table: one line per claim and scenario. */
export function claimLines(outcomes: readonly ClaimOutcome[]): string[] {
  return outcomes.map((outcome) => `- ${outcome.scenario}: ${outcome.claim}: **${outcome.outcome}** (${outcome.detail})`);
}

/**
 * Between a wide cell's best and worst runs, the score component whose points moved most, e.g. ` (recover: 9.3
 * points in the best run, 0.0 in the worst)`: whether the spread is one behaviour of the client flipping (it
 * recovered in one run and stayed metastable in another) or noise over every part. Then, where the log has them,
 * what k6 sent the client and what the client sent NIC in each of the two runs: a client that sent NIC thousands
 * more requests for the same load, or went metastable in one run only, behaved differently; the harness offered
 * the same plan (one seed). Empty when either run predates the points in the log.
 */
function whatMoved(runs: readonly CalibrationRun[]): string {
  const byScore = runs.filter((run) => run.score !== null).sort((a, b) => (b.score as number) - (a.score as number));
  const best = byScore[0];
  const worst = byScore.at(-1);
  if (byScore.length < 2 || !best?.points || !worst?.points) return '';
  const { points: bestPoints } = best;
  const { points: worstPoints } = worst;
  const [most] = Object.keys(bestPoints)
    .map((name) => ({ name, best: bestPoints[name] ?? 0, worst: worstPoints[name] ?? 0 }))
    .sort((a, b) => Math.abs(b.best - b.worst) - Math.abs(a.best - a.worst));
  if (!most) return '';
  return ` (${[`${most.name}: ${most.best.toFixed(1)} points in the best run, ${most.worst.toFixed(1)} in the worst`, ...howItBehaved(best.behaviour, worst.behaviour)].join('; ')})`;
}

/** The best and worst runs' behaviour side by side, best first: what k6 sent, what reached NIC, metastability. */
function howItBehaved(best: RunBehaviour | undefined, worst: RunBehaviour | undefined): string[] {
  if (!best || !worst) return [];
  const lines = [`k6 sent it ${count(best.requestsToClient)} and ${count(worst.requestsToClient)} requests`];
  if (best.requestsToNic !== null && worst.requestsToNic !== null) lines.push(`it sent NIC ${count(best.requestsToNic)} and ${count(worst.requestsToNic)}`);
  if (best.metastable !== worst.metastable) lines.push(`it stayed metastable after the fault in the ${best.metastable ? 'best' : 'worst'} run only`);
  return lines;
}
