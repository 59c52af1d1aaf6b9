import { open } from 'node:fs/promises';

const newline = 0x0a;
/** Bytes read per slice: the event loop gets a turn between slices (each read is an awaited fs call). */
const sliceBytes = 1 << 20;

/**
 * Follows a file that another process is still appending to: each `read()` hands every complete new line
 * to `onLine` and remembers where it stopped. A missing file is simply not there yet.
 *
 * With `startsWith`, only lines beginning with that (ASCII) prefix are decoded and handed over; the others
 * are skipped as bytes (`Buffer.indexOf` for "\n" + prefix), never made into strings. The k6 CSV has about a
 * dozen rows per request and progress wants one of them: at 2,500 requests/s that is ~30,000 lines a second
 * that need no JavaScript work at all (docs/harness-performance.md).
 */
export class LineTail {
  private offset = 0;
  private rest: Buffer = Buffer.alloc(0);
  private readonly buffer = Buffer.alloc(sliceBytes);
  private readonly prefix: Buffer | undefined;
  private readonly needle: Buffer | undefined;

  constructor(
    private readonly file: string,
    private readonly onLine: (line: string) => void,
    options: { startsWith?: string } = {},
  ) {
    if (options.startsWith) {
      this.prefix = Buffer.from(options.startsWith, 'utf8');
      this.needle = Buffer.from(`\n${options.startsWith}`, 'utf8');
    }
  }

  async read(): Promise<void> {
    const handle = await open(this.file, 'r').catch(() => undefined);
    if (!handle) return;
    try {
      for (;;) {
        const { bytesRead } = await handle.read(this.buffer, 0, this.buffer.length, this.offset);
        if (bytesRead === 0) break;
        this.offset += bytesRead;
        const slice = this.buffer.subarray(0, bytesRead);
        this.take(this.rest.length > 0 ? Buffer.concat([this.rest, slice]) : slice);
      }
    } finally {
      await handle.close();
    }
  }

  /** Hands over the complete lines in `data` and keeps (a copy of) the unfinished last one. */
  private take(data: Buffer): void {
    const last = data.lastIndexOf(newline);
    if (last < 0) {
      this.rest = Buffer.from(data);
      return;
    }
    if (this.prefix && this.needle) this.matching(data, last, this.prefix, this.needle);
    else this.every(data, last);
    this.rest = Buffer.from(data.subarray(last + 1));
  }

  private every(data: Buffer, last: number): void {
    for (let start = 0; start <= last; ) {
      const end = data.indexOf(newline, start);
      this.onLine(data.toString('utf8', start, end));
      start = end + 1;
    }
  }

  /** Lines in data[0..last] that begin with prefix: the first line, then every "\n" + prefix. */
  private matching(data: Buffer, last: number, prefix: Buffer, needle: Buffer): void {
    const emit = (start: number) => this.onLine(data.toString('utf8', start, data.indexOf(newline, start)));
    if (data.length >= prefix.length && data.compare(prefix, 0, prefix.length, 0, prefix.length) === 0) emit(0);
    for (let at = data.indexOf(needle, 0); at >= 0 && at < last; at = data.indexOf(needle, at + 1)) emit(at + 1);
  }
}
