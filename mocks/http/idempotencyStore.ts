/** A stored answer to a write, replayed for a repeat of its `Idempotency-Key`. */
export interface StoredAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Remembers the first answer per (route, client, key). A repeat that arrives while the first is still
 * running waits for it instead of writing twice.
 */
export class IdempotencyStore {
  private readonly answers = new Map<string, StoredAnswer | Promise<StoredAnswer | undefined>>();

  get(key: string): StoredAnswer | Promise<StoredAnswer | undefined> | undefined {
    return this.answers.get(key);
  }

  begin(key: string): (answer: StoredAnswer | undefined) => void {
    let settle!: (answer: StoredAnswer | undefined) => void;
    this.answers.set(key, new Promise((resolve) => (settle = resolve)));
    return (answer) => {
      if (answer) this.answers.set(key, answer);
      else this.answers.delete(key);
      settle(answer);
    };
  }
}
