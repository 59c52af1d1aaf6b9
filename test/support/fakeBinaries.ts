import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Temp directories with small shell scripts standing in for k6, toxiproxy-server and go, for unit tests
 * of the lookup order. Each fake appends one line per call to `<root>/calls.log` so a test can tell
 * whether a binary was executed. The fake `go build -o FILE PKG` writes a fake tool reporting `version`.
 */
export interface FakeWorld {
  root: string;
  /** Environment with PATH = only the given fake dirs (no real k6/go leaks in), HOME and cache in root. */
  env: (dirs: string[]) => NodeJS.ProcessEnv;
  dir: (name: string) => string;
  fakeK6: (args: { dir: string; version: string }) => string;
  fakeToxiproxy: (args: { dir: string; version: string }) => string;
  fakeGo: (args: { dir: string; goVersion?: string; builtK6Version?: string; builtToxiproxyVersion?: string; buildSleepS?: number; failGet?: boolean }) => string;
  calls: () => string[];
  cleanup: () => void;
}

function script(file: string, body: string): string {
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

export function makeFakeWorld(): FakeWorld {
  const root = mkdtempSync(path.join(os.tmpdir(), 'thap-fake-tools-'));
  const log = path.join(root, 'calls.log');
  writeFileSync(log, '');
  const k6Body = (version: string, me: string): string => `echo "${me} $*" >> ${log}\necho "k6 v${version} (go1.26.8, linux/amd64)"`;
  const toxiBody = (version: string, me: string): string => `echo "${me} $*" >> ${log}\necho "toxiproxy-server version ${version}"`;
  return {
    root,
    env: (dirs) => ({ PATH: dirs.join(path.delimiter), HOME: path.join(root, 'home') }),
    dir: (name) => {
      const dir = path.join(root, name);
      mkdirSync(dir, { recursive: true });
      return dir;
    },
    fakeK6: ({ dir, version }) => script(path.join(dir, 'k6'), k6Body(version, path.join(dir, 'k6'))),
    fakeToxiproxy: ({ dir, version }) => script(path.join(dir, 'toxiproxy-server'), toxiBody(version, path.join(dir, 'toxiproxy-server'))),
    fakeGo: ({ dir, goVersion = '1.26.8', builtK6Version = '2.2.0', builtToxiproxyVersion = '2.12.0', buildSleepS = 0, failGet = false }) =>
      script(
        path.join(dir, 'go'),
        [
          `echo "go $* [GOFLAGS=$GOFLAGS GOWORK=$GOWORK]" >> ${log}`,
          'case "$1" in',
          `  version) if [ "$2" = "-m" ]; then exit 1; fi; echo "go version go${goVersion} linux/amd64";;`,
          '  mod) echo "module $3" > go.mod;;',
          failGet ? '  get) echo "go: module lookup disabled" >&2; exit 1;;' : '  get) echo "go: downloading $2" >&2;;',
          '  build)',
          `    sleep ${buildSleepS}`,
          '    out=""; prev=""; for a in "$@"; do if [ "$prev" = "-o" ]; then out="$a"; fi; prev="$a"; pkg="$a"; done',
          '    case "$pkg" in',
          `      *k6*) printf '#!/bin/sh\\necho "$0 $*" >> ${log}\\necho "k6 v${builtK6Version} (go, linux/amd64)"\\n' > "$out";;`,
          `      *) printf '#!/bin/sh\\necho "$0 $*" >> ${log}\\necho "toxiproxy-server version ${builtToxiproxyVersion}"\\n' > "$out";;`,
          '    esac',
          '    /bin/chmod +x "$out";;',
          'esac',
        ].join('\n'),
      ),
    calls: () => readFileSync(log, 'utf8').split('\n').filter(Boolean),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
