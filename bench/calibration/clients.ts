/** A client the calibration runs: the script its scenario copy starts, and its environment. */
export interface CalibrationClient {
  name: string;
  kind: 'reference' | 'bad';
  /** Started as `node --import tsx <script>`; undefined when `thap run` cannot drive it (why in `note`). */
  script?: string;
  env?: Record<string, string>;
  /** A vendor mapping the load goes through (`thap run --client-mapping`): the client speaks its own API. */
  mapping?: string;
  note?: string;
}

/** Every reference client and every bad client in examples/, in the order the table lists them. */
export const calibrationClients: readonly CalibrationClient[] = [
  { name: 'naive', kind: 'reference', script: 'examples/naive/server.ts' },
  { name: 'retry-storm', kind: 'reference', script: 'examples/retry-storm/server.ts' },
  { name: 'resilient', kind: 'reference', script: 'examples/resilient/server.ts' },
  { name: 'journal', kind: 'reference', script: 'examples/journal/server.ts' },
  { name: 'vendor-arogya', kind: 'reference', script: 'examples/vendor-arogya/server.ts', mapping: 'examples/vendor-arogya/mapping.yaml' },
  { name: 'fabricates-ids', kind: 'bad', script: 'examples/bad/fabricatesIds.ts' },
  { name: 'drops-queued', kind: 'bad', script: 'examples/bad/dropsQueued.ts', env: { BAD_CLIENT_DROP_SHARE: '0.015', BAD_CLIENT_DROP_SEED: '1' } },
  { name: 'retries-without-key', kind: 'bad', script: 'examples/bad/retriesWithoutKey.ts' },
  { name: 'hangs-with-nic', kind: 'bad', script: 'examples/bad/hangsWithNic.ts' },
  { name: 'answers-garbage', kind: 'bad', script: 'examples/bad/answersGarbage.ts' },
  { name: 'dies-mid-run', kind: 'bad', script: 'examples/bad/diesMidRun.ts', env: { BAD_CLIENT_DIE_AFTER: '200' } },
  { name: 'never-healthy', kind: 'bad', script: 'examples/bad/neverHealthy.ts' },
];
