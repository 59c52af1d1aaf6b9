import { open } from 'node:fs/promises';

/**
 * Follows a file that another process is still appending to: each `read()` hands every complete new line
 * to `onLine` and remembers where it stopped. A missing file is simply not there yet.
 */
export class LineTail {
  private offset = 0;
  private rest = '';
  private readonly buffer = Buffer.alloc(1 << 20);

  constructor(
    private readonly file: string,
    private readonly onLine: (line: string) => void,
  ) {}

  async read(): Promise<void> {
    const handle = await open(this.file, 'r').catch(() => undefined);
    if (!handle) return;
    try {
      for (;;) {
        const { bytesRead } = await handle.read(this.buffer, 0, this.buffer.length, this.offset);
        if (bytesRead === 0) break;
        this.offset += bytesRead;
        const lines = (this.rest + this.buffer.toString('utf8', 0, bytesRead)).split('\n');
        this.rest = lines.pop() ?? '';
        for (const line of lines) this.onLine(line);
      }
    } finally {
      await handle.close();
    }
  }
}
