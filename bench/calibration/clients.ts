/** A client the calibration runs: the script its scenario copy starts, and its environment. */
export interface CalibrationClient {
  name: string;
  /**
   * `reference`: examples/ clients of thap's own contract; `vendor`: an example vendor's own API through a
   * mapping, which runs the scenarios whose steps its API has (`thap run` refuses the others, exit 2); `bad`:
   * clients each calibration claim must catch.
   */
  kind: 'reference' | 'vendor' | 'bad';
  /** Started as `node --import tsx <script>`; undefined when `thap run` cannot drive it (why in `note`). */
  script?: string;
  env?: Record<string, string>;
  /** A vendor mapping the load goes through (`thap run --client-mapping`): the client speaks its own API. */
  mapping?: string;
  note?: string;
  /**
   * What issue 13's calibration claims hold it to (bench/calibration/calibrationClaims.ts): `honest` never makes
   * up an answer; `keepsCounters` keeps every counter answering through an outage and queues writes for NIC;
   * `refusesWork` answers the outage with refusals; `fabricates` answers `done` with NIC ids NIC never issued;
   * `loses` answers for writes it never delivers; `referenceDesign` is examples/resilient, which every
   * `otherDesign` client (well built, of another design: journal) must score as well as.
   */
  traits: readonly ClientTrait[];
  /** What a bad client does wrong, counted per run from its own log (flawsCommitted.ts). */
  flaw?: 'made-up-ids' | 'drops-queued';
}

export type ClientTrait = 'honest' | 'keepsCounters' | 'refusesWork' | 'fabricates' | 'loses' | 'referenceDesign' | 'otherDesign';

/** Every reference client and every bad client in examples/, in the order the table lists them. */
export const calibrationClients: readonly CalibrationClient[] = [
  { name: 'naive', kind: 'reference', script: 'examples/naive/server.ts', traits: ['honest', 'refusesWork'] },
  { name: 'retry-storm', kind: 'reference', script: 'examples/retry-storm/server.ts', traits: ['honest'] },
  { name: 'resilient', kind: 'reference', script: 'examples/resilient/server.ts', traits: ['honest', 'keepsCounters', 'referenceDesign'] },
  { name: 'journal', kind: 'reference', script: 'examples/journal/server.ts', traits: ['honest', 'keepsCounters', 'otherDesign'] },
  { name: 'vendor-arogya', kind: 'vendor', script: 'examples/vendor-arogya/server.ts', mapping: 'examples/vendor-arogya/mapping.yaml', note: 'its API has registration only, so thap run refuses a scenario with other steps before it starts (exit 2, naming them)', traits: ['honest', 'refusesWork'] },
  { name: 'fabricates-ids', kind: 'bad', script: 'examples/bad/fabricatesIds.ts', traits: ['fabricates'], flaw: 'made-up-ids' },
  { name: 'drops-queued', kind: 'bad', script: 'examples/bad/dropsQueued.ts', env: { BAD_CLIENT_DROP_SHARE: '0.015', BAD_CLIENT_DROP_SEED: '1' }, traits: ['loses'], flaw: 'drops-queued' },
  { name: 'retries-without-key', kind: 'bad', script: 'examples/bad/retriesWithoutKey.ts', traits: ['honest'] },
  { name: 'hangs-with-nic', kind: 'bad', script: 'examples/bad/hangsWithNic.ts', traits: ['honest'] },
  { name: 'answers-garbage', kind: 'bad', script: 'examples/bad/answersGarbage.ts', traits: [] },
  { name: 'dies-mid-run', kind: 'bad', script: 'examples/bad/diesMidRun.ts', env: { BAD_CLIENT_DIE_AFTER: '200' }, traits: [] },
  { name: 'never-healthy', kind: 'bad', script: 'examples/bad/neverHealthy.ts', traits: [] },
];

/** The calibration client called `name`, or undefined for a name the table does not know. */
export function clientNamed(name: string): CalibrationClient | undefined {
  return calibrationClients.find((known) => known.name === name);
}
