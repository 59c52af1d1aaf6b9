/** One line of the resilient client's outbox file. */
export type OutboxRecord =
  /** Accepted for later: the client answered `queued` with these provisional ids. */
  | {
      type: 'accepted';
      seq: number;
      correlationId: string;
      step: string;
      body: unknown;
      params: Record<string, string>;
      provisionalId: string;
      provisional: Record<string, string>;
      at: number;
    }
  /** A queued write NIC has now stored. */
  | { type: 'submitted'; correlationId: string; nic: Record<string, unknown>; attempts: number; at: number }
  /** Done at once (answered `done`): kept so the outbox status and repeated requests know it. */
  | { type: 'done'; correlationId: string; step: string; nic: Record<string, unknown>; attempts: number; at: number }
  /** Given up: NIC rejected it as bad, or it depended on a write that was given up. */
  | { type: 'abandoned'; correlationId: string; reason: string; at: number };
