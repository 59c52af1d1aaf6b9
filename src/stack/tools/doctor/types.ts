export type CheckStatus = 'ok' | 'missing' | 'wrong-version' | 'unreachable';

/** One row of `thap doctor`: what was found, and what a missing one disables and how to fix it. */
export interface DoctorCheck {
  name: 'node' | 'go' | 'toxiproxy' | 'k6' | 'docker' | 'compose' | 'chromium';
  status: CheckStatus;
  required: boolean;
  version?: string;
  path?: string;
  /** Extra facts (where a tool came from, why it was skipped). */
  detail?: string;
  /** What thap cannot do without it (set when status is not ok). */
  disables?: string;
  /** How to fix it (set when status is not ok). */
  fix?: string;
}

export interface DoctorReport {
  checks: DoctorCheck[];
  /** False when a required check (Node) failed: `thap doctor` then exits non-zero. */
  ok: boolean;
}
