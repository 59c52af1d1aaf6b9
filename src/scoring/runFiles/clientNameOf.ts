import { basename, dirname, extname } from 'node:path';

/** File names that say nothing about the client; the directory holding them names it instead. */
const GENERIC = new Set(['server', 'index', 'main', 'app', 'start', 'run']);

/**
 * A short name for a client with none given, from how it is started: `naive` for
 * `node --import tsx examples/naive/server.ts`, `host:port` for a URL, else the program's name.
 */
export function clientNameOf({ command, url }: { command?: readonly string[]; url?: string }): string | undefined {
  if (url !== undefined) {
    try {
      return new URL(url).host;
    } catch {
      return url;
    }
  }
  if (!command || command.length === 0) return undefined;
  const script = [...command].reverse().find((arg) => !arg.startsWith('-') && /[/\\]|\.[cm]?[jt]s$|\.py$/.test(arg));
  if (script === undefined) return basename(command[0] ?? '') || undefined;
  const stem = basename(script, extname(script));
  return GENERIC.has(stem) && basename(dirname(script)) !== '.' ? basename(dirname(script)) : stem;
}
