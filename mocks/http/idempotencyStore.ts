/** A stored answer to a write, replayed for a repeat of its `Idempotency-Key`. */
export interface StoredAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What `claim` decided: replay a stored answer, or run the write as the key's one runner and `settle` it. */
export type IdempotencyClaim = { kind: 'replay'; answer: StoredAnswer } | { kind: 'run'; settle: (answer: StoredAnswer | undefined) => void };

/**
 * Remembers the first stored answer per (route, client, key). A repeat that arrives while the first is still
 * in flight waits for it instead of writing twice (as real idempotent APIs do, rather than running both).
 * When the first did not store anything, exactly one of the waiting repeats becomes the next runner.
 */
export class IdempotencyStore {
  private readonly answers = new Map<string, StoredAnswer | Promise<StoredAnswer | undefined>>();

  /**
   * Replays the key's stored answer, or waits for its in-flight runner, or makes the caller the runner. The
   * check and the claim happen in one synchronous step, so two repeats resumed in the same tick cannot both
   * find the key free and both write.
   */
  async claim(key: string): Promise<IdempotencyClaim> {
    for (;;) {
      const known = this.answers.get(key);
      if (known === undefined) return { kind: 'run', settle: this.begin(key) };
      if (!(known instanceof Promise)) return { kind: 'replay', answer: known };
      const answer = await known;
      if (answer) return { kind: 'replay', answer };
      // The runner stored nothing (failed or refused): claim again; the first waiter to resume runs next.
    }
  }

  private begin(key: string): (answer: StoredAnswer | undefined) => void {
    let settle!: (answer: StoredAnswer | undefined) => void;
    const pending = new Promise<StoredAnswer | undefined>((resolve) => (settle = resolve));
    this.answers.set(key, pending);
    return (answer) => {
      if (answer) this.answers.set(key, answer);
      else if (this.answers.get(key) === pending) this.answers.delete(key);
      settle(answer);
    };
  }
}
