import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { HarnessError } from '../../../core/index.ts';
import { findGo } from '../../tools/findGo.ts';
import { ensureTool } from '../../tools/ensureTools.ts';
import { runCommand } from '../../tools/runCommand.ts';
import type { ToolLookupOptions } from '../../tools/types.ts';
import { baseImage, goImage, type StandInSource } from './imageList.ts';

/** What a stand-in image is made of: files copied into the build context and the Dockerfile that uses them. */
export interface StandInRecipe {
  /** One line for the image's `thap.stand-in` label and for `thap tools install --images`. */
  describe: string;
  files: Array<{ from: string; to: string }>;
  dockerfile: string;
}

const fromBase = (describe: string, lines: string[]): string =>
  [`FROM ${baseImage}`, `LABEL thap.stand-in=${JSON.stringify(describe)}`, ...lines, ''].join('\n');

/**
 * The recipe for a stand-in, from what this machine has at the pinned versions (TOOLS.md "testcontainers"):
 * Toxiproxy and k6 as `thap tools install` builds them from their Go modules, Node and npm from the Node
 * running thap (must be 20.x for `node:20-bookworm-slim`), Go from the Go on PATH (must be the image's minor).
 * The layout inside each image is the real image's: `/toxiproxy`, `/usr/bin/k6`, `/usr/local/bin/node`, `/usr/local/go`.
 */
export async function standInRecipe(source: StandInSource, tools: ToolLookupOptions = {}): Promise<StandInRecipe> {
  if (source === 'toxiproxy' || source === 'k6') {
    const tool = await ensureTool({ name: source, ...tools });
    const describe = `${source} ${tool.version} built from its Go module (${tool.path})`;
    return source === 'toxiproxy'
      ? { describe, files: [{ from: tool.path, to: 'toxiproxy' }], dockerfile: fromBase(describe, ['COPY toxiproxy /toxiproxy', 'EXPOSE 8474', 'ENTRYPOINT ["/toxiproxy"]', 'CMD ["-host=0.0.0.0"]']) }
      : { describe, files: [{ from: tool.path, to: 'k6' }], dockerfile: fromBase(describe, ['COPY k6 /usr/bin/k6', 'ENTRYPOINT ["k6"]']) };
  }
  if (source === 'node') {
    const major = process.versions.node.split('.')[0];
    if (major !== '20') throw new HarnessError(`cannot build a stand-in for node:20-bookworm-slim from Node ${process.versions.node}; fix: run \`thap tools install --images\` with Node 20`, { code: 'THAP_STAND_IN' });
    const node = realpathSync(process.execPath);
    const npm = path.resolve(path.dirname(node), '../lib/node_modules/npm');
    if (!existsSync(path.join(npm, 'bin/npm-cli.js'))) throw new HarnessError(`cannot build a stand-in for node:20-bookworm-slim: npm not found at ${npm}; fix: install npm beside ${node}`, { code: 'THAP_STAND_IN' });
    const describe = `Node ${process.versions.node} and npm from this machine (${node})`;
    return {
      describe,
      files: [{ from: node, to: 'node' }, { from: npm, to: 'npm' }],
      dockerfile: fromBase(describe, ['COPY node /usr/local/bin/node', 'COPY npm /usr/local/lib/node_modules/npm', 'RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm', 'CMD ["node"]']),
    };
  }
  const go = await findGo();
  const wanted = /^golang:(\d+\.\d+)/.exec(goImage)?.[1] ?? '';
  if (!go || !(go.version === wanted || go.version.startsWith(`${wanted}.`))) {
    throw new HarnessError(`cannot build a stand-in for ${goImage}: it needs Go ${wanted}.x on PATH, found ${go?.version ?? 'none'}; fix: install Go ${wanted} (https://go.dev/dl/)`, { code: 'THAP_STAND_IN' });
  }
  const goroot = (await runCommand({ command: go.path, args: ['env', 'GOROOT'] })).stdout.trim();
  const describe = `Go ${go.version} from this machine (${goroot})`;
  return {
    describe,
    files: [{ from: goroot, to: 'go' }],
    dockerfile: fromBase(describe, ['COPY go /usr/local/go', 'ENV GOPATH=/go PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'WORKDIR /go']),
  };
}
