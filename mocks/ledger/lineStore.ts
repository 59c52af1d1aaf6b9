/**
 * Text lines kept outside the JS heap: appended into large Buffers (their memory is not scanned or copied by
 * the garbage collector), read back as one string. Used for the in-memory ledger, so that thousands of
 * writes a second add nothing for each young-generation collection to copy (docs/mocks-scaling.md
 * "Tail latency: where it comes from").
 */
export class LineStore {
  private readonly chunks: Buffer[] = [];
  private current: Buffer;
  private used = 0;
  private lines = 0;

  constructor(private readonly chunkBytes = 1024 * 1024) {
    this.current = Buffer.allocUnsafeSlow(chunkBytes);
  }

  get count(): number {
    return this.lines;
  }

  /** Appends one line; `line` must not contain a newline (JSON.stringify output never does). */
  append(line: string): void {
    const bytes = Buffer.byteLength(line) + 1;
    if (this.used + bytes > this.current.length) {
      this.chunks.push(this.current.subarray(0, this.used));
      this.current = Buffer.allocUnsafeSlow(Math.max(this.chunkBytes, bytes));
      this.used = 0;
    }
    this.used += this.current.write(line, this.used, 'utf8');
    this.current[this.used++] = 0x0a;
    this.lines++;
  }

  /** Every line appended so far, in order. */
  readAll(): string[] {
    if (this.lines === 0) return [];
    const text = Buffer.concat([...this.chunks, this.current.subarray(0, this.used)]).toString('utf8');
    return text.slice(0, -1).split('\n');
  }
}
