/** The three answers of the client journey contract (docs/client-contract.md). */
export type Outcome = 'done' | 'queued' | 'failed';

/** One request outcome, logged as a single JSON line on stdout. */
export interface OutcomeLine {
  step: string;
  correlationId: string;
  outcome: Outcome;
  httpStatus: number;
  ms: number;
  reason?: string;
  attempts?: number;
}

export type OutcomeLogger = (line: OutcomeLine) => void;

/** Writes `{"t":...,"step":...,...}` lines to a stream (stdout by default). */
export function outcomeLogger(write: (text: string) => void = (text) => process.stdout.write(text)): OutcomeLogger {
  return (line) => write(`${JSON.stringify({ t: new Date().toISOString(), ...line })}\n`);
}

/** Any other event a client reports (listening, flushed, abandoned, circuit opened...), one JSON line each. */
export type EventLogger = (event: Record<string, unknown>) => void;

export function eventLogger(write: (text: string) => void = (text) => process.stdout.write(text)): EventLogger {
  return (event) => write(`${JSON.stringify({ t: new Date().toISOString(), ...event })}\n`);
}
