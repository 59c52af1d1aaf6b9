import { mkdir, open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/** The file grows in zero-filled chunks of this size (about 10,000 outbox records each). */
const chunkBytes = 4 * 1024 * 1024;

/**
 * An append-only NDJSON file whose `append` resolves only after the line is on disk (fdatasync). Appends
 * that arrive while a sync is running are written and synced together (group commit), so durability costs
 * one sync per batch, not per record.
 *
 * The file is preallocated in zero-filled chunks and records are written in place, as database write-ahead
 * logs do: overwriting blocks that already exist changes no file size or block map, so `fdatasync` flushes
 * only our data and never waits for a filesystem journal commit full of other processes' writes (on a busy
 * ext4 machine an appending fdatasync was seen to stall for seconds). Readers stop at the first zero byte.
 */
export class DurableLog<R> {
  private waiting: Array<{ line: string; resolve: () => void; reject: (error: unknown) => void }> = [];
  private flushing: Promise<void> | undefined;
  private closed = false;
  private syncCount = 0;

  private constructor(
    private readonly handle: FileHandle,
    readonly file: string,
    private tail: number,
    private size: number,
  ) {}

  /**
   * Opens (creating) the file and returns its records in order. A torn last line (a crash mid-write, never
   * acknowledged) is wiped; a bad line elsewhere is an error naming the file and line.
   */
  static async open<R>(file: string): Promise<{ log: DurableLog<R>; records: R[] }> {
    await mkdir(path.dirname(file), { recursive: true });
    await (await open(file, 'a')).close();
    const handle = await open(file, 'r+');
    try {
      const bytes = await handle.readFile();
      const end = bytes.indexOf(0);
      const used = end === -1 ? bytes : bytes.subarray(0, end);
      // Only lines ended by a newline were ever acknowledged; what follows the last newline is a torn write.
      const tail = used.lastIndexOf(0x0a) + 1;
      const records = parseLines<R>(file, used.subarray(0, tail).toString('utf8'));
      let size = bytes.length;
      if (used.length > tail) {
        await handle.write(Buffer.alloc(used.length - tail), 0, used.length - tail, tail);
        await handle.datasync();
      }
      if (size - tail < chunkBytes / 2) size = await grow(handle, size);
      return { log: new DurableLog<R>(handle, file, tail, size), records };
    } catch (error) {
      await handle.close();
      throw error;
    }
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
        const bytes = Buffer.from(batch.map((item) => item.line).join(''), 'utf8');
        while (this.tail + bytes.length > this.size) this.size = await grow(this.handle, this.size);
        await this.handle.write(bytes, 0, bytes.length, this.tail);
        await this.handle.datasync();
        this.syncCount += 1;
        this.tail += bytes.length;
        for (const item of batch) item.resolve();
      } catch (error) {
        for (const item of batch) item.reject(error);
      }
    }
    this.flushing = undefined;
  }

  /** fdatasync calls made for appended records so far: one per group commit, not one per record. */
  get syncs(): number {
    return this.syncCount;
  }

  async close(): Promise<void> {
    this.closed = true;
    while (this.flushing) await this.flushing;
    await this.handle.close();
  }
}

/** Adds one zero-filled chunk at the end and syncs it (size and block map change here, not per record). */
async function grow(handle: FileHandle, size: number): Promise<number> {
  await handle.write(Buffer.alloc(chunkBytes), 0, chunkBytes, size);
  await handle.sync();
  return size + chunkBytes;
}

function parseLines<R>(file: string, text: string): R[] {
  const records: R[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    try {
      records.push(JSON.parse(line) as R);
    } catch (error) {
      throw new Error(`${file}:${index + 1}: outbox line is not JSON (${(error as Error).message}); the file is damaged, move it away to start empty`);
    }
  }
  return records;
}
