import { createReadStream } from 'node:fs';

/**
 * Calls `onLine(text, from, to)` for every line of a UTF-8 file, read in 1 MB chunks: the line is
 * `text.slice(from, to)` (without its newline or a trailing carriage return). Nothing is sliced unless the
 * caller slices, so skipping a line costs almost nothing. A line split across chunks is joined first.
 */
export async function forEachLine({ file, onLine }: { file: string; onLine: (text: string, from: number, to: number) => void }): Promise<void> {
  let rest = '';
  const emit = (text: string, from: number, to: number) => {
    const end = to > from && text.charCodeAt(to - 1) === 13 ? to - 1 : to;
    onLine(text, from, end);
  };
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }) as AsyncIterable<string>) {
    let from = 0;
    let end = chunk.indexOf('\n');
    if (rest !== '') {
      if (end === -1) {
        rest += chunk;
        continue;
      }
      const joined = rest + chunk.slice(0, end);
      rest = '';
      emit(joined, 0, joined.length);
      from = end + 1;
      end = chunk.indexOf('\n', from);
    }
    while (end !== -1) {
      emit(chunk, from, end);
      from = end + 1;
      end = chunk.indexOf('\n', from);
    }
    rest = chunk.slice(from);
  }
  if (rest !== '') emit(rest, 0, rest.length);
}
