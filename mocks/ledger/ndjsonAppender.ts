import { createWriteStream, type WriteStream } from 'node:fs';

/**
 * Appends JSON lines to a file with buffered writes: lines collect in a Buffer (outside the JS heap, so
 * that pending lines are not copied by every young-generation collection) and go to disk every
 * `flushEveryMs` or when the buffer passes `flushAtBytes`, and always on `close()`. Without a path it
 * does nothing (a run without a run directory).
 */
export interface NdjsonAppender {
  /** False when there is no file: callers may skip building records. */
  readonly enabled: boolean;
  append(record: unknown): void;
  /** Appends a line already serialized (one JSON text, no newline). */
  appendLine(line: string): void;
  close(): Promise<void>;
}

export function createNdjsonAppender(options: { path?: string; flushEveryMs?: number; flushAtBytes?: number }): NdjsonAppender {
  const { path } = options;
  if (!path) return { enabled: false, append: () => undefined, appendLine: () => undefined, close: async () => undefined };
  const stream: WriteStream = createWriteStream(path, { flags: 'a' });
  const flushAtBytes = options.flushAtBytes ?? 64 * 1024;
  let buffer = Buffer.allocUnsafeSlow(flushAtBytes);
  let used = 0;
  let streamError: Error | undefined;
  stream.on('error', (error) => {
    streamError = error;
  });
  const flush = (): void => {
    if (used === 0 || streamError) return;
    // The stream keeps the written bytes until they reach the file: hand it this buffer, start a new one.
    stream.write(buffer.subarray(0, used));
    buffer = Buffer.allocUnsafeSlow(flushAtBytes);
    used = 0;
  };
  const appendLine = (line: string): void => {
    const bytes = Buffer.byteLength(line) + 1;
    if (used + bytes > buffer.length) {
      flush();
      if (bytes > buffer.length) {
        if (!streamError) stream.write(`${line}\n`);
        return;
      }
    }
    used += buffer.write(line, used, 'utf8');
    buffer[used++] = 0x0a;
  };
  const timer = setInterval(flush, options.flushEveryMs ?? 200);
  timer.unref();
  return {
    enabled: true,
    append: (record) => appendLine(JSON.stringify(record)),
    appendLine,
    close() {
      clearInterval(timer);
      flush();
      return new Promise((resolve, reject) => {
        stream.end(() => (streamError ? reject(new Error(`cannot write ${path}: ${streamError.message}`)) : resolve()));
      });
    },
  };
}
