import { createWriteStream, type WriteStream } from 'node:fs';

/**
 * Appends JSON lines to a file with buffered writes: lines collect in memory and go to disk every
 * `flushEveryMs` or when the buffer passes `flushAtBytes`, and always on `close()`. Without a path it only
 * counts lines (a run without a run directory).
 */
export interface NdjsonAppender {
  /** False when there is no file: callers may skip building records. */
  readonly enabled: boolean;
  append(record: unknown): void;
  close(): Promise<void>;
}

export function createNdjsonAppender(options: { path?: string; flushEveryMs?: number; flushAtBytes?: number }): NdjsonAppender {
  const { path } = options;
  if (!path) return { enabled: false, append: () => undefined, close: async () => undefined };
  const stream: WriteStream = createWriteStream(path, { flags: 'a' });
  const flushAtBytes = options.flushAtBytes ?? 64 * 1024;
  let buffer = '';
  let streamError: Error | undefined;
  stream.on('error', (error) => {
    streamError = error;
  });
  const flush = (): void => {
    if (buffer.length === 0 || streamError) return;
    stream.write(buffer);
    buffer = '';
  };
  const timer = setInterval(flush, options.flushEveryMs ?? 200);
  timer.unref();
  return {
    enabled: true,
    append(record) {
      buffer += `${JSON.stringify(record)}\n`;
      if (buffer.length >= flushAtBytes) flush();
    },
    close() {
      clearInterval(timer);
      flush();
      return new Promise((resolve, reject) => {
        stream.end(() => (streamError ? reject(new Error(`cannot write ${path}: ${streamError.message}`)) : resolve()));
      });
    },
  };
}
