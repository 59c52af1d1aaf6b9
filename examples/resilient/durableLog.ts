import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/**
 * An append-only NDJSON file whose `append` resolves only after the line is on disk (fdatasync). Appends
 * that arrive while a sync is running are written and synced together (group commit), so durability costs
 * one sync per batch, not per record.
 */
export class DurableLog<R> {
  private waiting: Array<{ line: string; resolve: () => void; reject: (error: unknown) => void }> = [];
  private flushing: Promise<void> | undefined;
  private closed = false;

  private constructor(
    private readonly handle: FileHandle,
    readonly file: string,
  ) {}

  /**
   * Opens (creating) the file and returns its records in order. A torn last line (a crash mid-write) is
   * skipped; a bad line elsewhere is an error naming the file and line.
   */
  static async open<R>(file: string): Promise<{ log: DurableLog<R>; records: R[] }> {
    await mkdir(path.dirname(file), { recursive: true });
    let text = '';
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    // Only lines ended by a newline were ever acknowledged; what follows the last newline is a torn write.
    const complete = text.slice(0, text.lastIndexOf('\n') + 1);
    const lines = complete.split('\n').slice(0, -1);
    const records: R[] = [];
    for (const [index, line] of lines.entries()) {
      if (line.trim() === '') continue;
      try {
        records.push(JSON.parse(line) as R);
      } catch (error) {
        throw new Error(`${file}:${index + 1}: outbox line is not JSON (${(error as Error).message}); the file is damaged, move it away to start empty`);
      }
    }
    const validBytes = Buffer.byteLength(complete);
    const handle = await open(file, 'a');
    // A torn tail (a crash mid-write, never acknowledged) is cut off so the next record starts clean.
    if (validBytes < Buffer.byteLength(text)) await handle.truncate(validBytes);
    return { log: new DurableLog<R>(handle, file), records };
  }

  /** Appends one record; resolves once it is synced to disk. */
  append(record: R): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`${this.file}: append after close`));
    return new Promise((resolve, reject) => {
      this.waiting.push({ line: `${JSON.stringify(record)}\n`, resolve, reject });
      this.flushing ??= this.flush();
    });
  }

  private async flush(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting;
      this.waiting = [];
      try {
        await this.handle.write(batch.map((item) => item.line).join(''));
        await this.handle.datasync();
        for (const item of batch) item.resolve();
      } catch (error) {
        for (const item of batch) item.reject(error);
      }
    }
    this.flushing = undefined;
  }

  async close(): Promise<void> {
    this.closed = true;
    while (this.flushing) await this.flushing;
    await this.handle.close();
  }
}
