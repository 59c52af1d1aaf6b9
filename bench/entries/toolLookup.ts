import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureTools } from '../../src/stack/tools/ensureTools.ts';
import { locateTool } from '../../src/stack/tools/locateTool.ts';
import { toolNames, toolPins } from '../../src/stack/tools/pins.ts';
import { stampPath, writeStamp } from '../../src/stack/tools/stamp.ts';
import type { BenchEntry, BenchRow } from '../types.ts';

const rounds = 20;

/**
 * Issue 1 (idempotent tool lookup, "well under a second"): finding both cached tools with their version
 * stamps (no binary executed) against the same lookup that must ask each binary its version, side by side
 * on the same cache. The cache holds symlinks to the real cached binaries; PATH is empty.
 */
const entry: BenchEntry = {
  name: 'tool-lookup',
  description: `locate k6 and toxiproxy-server in the cache, ${rounds} rounds: stamped vs version probe`,
  async run(): Promise<BenchRow[]> {
    const real = await ensureTools();
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'thap-bench-tools-'));
    const env = { PATH: '', HOME: cacheDir };
    try {
      const bin = path.join(cacheDir, 'bin');
      mkdirSync(bin);
      for (const name of toolNames) symlinkSync(real[name].path, path.join(bin, toolPins[name].binary));
      const lookup = async (): Promise<void> => {
        for (const name of toolNames) if (!(await locateTool({ name, cacheDir, env }))) throw new Error(`${name} not found`);
      };
      const time = async (prepare: () => void): Promise<number> => {
        let total = 0;
        for (let round = 0; round < rounds; round++) {
          prepare();
          const started = performance.now();
          await lookup();
          total += performance.now() - started;
        }
        return total / rounds;
      };
      const binaries = toolNames.map((name) => path.join(bin, toolPins[name].binary));
      const stamped = await time(() => binaries.forEach((file, index) => writeStamp({ binaryPath: file, version: toolPins[toolNames[index]!].version })));
      const probed = await time(() => binaries.forEach((file) => rmSync(stampPath(file), { force: true })));
      return [
        {
          entry: 'tool-lookup',
          subject: 'both tools from the cache',
          metrics: { ms_stamped: Number(stamped.toFixed(2)), ms_probed: Number(probed.toFixed(2)), probe_over_stamp: Number((probed / stamped).toFixed(1)) },
          note: 'per lookup of k6 + toxiproxy-server, mean of 20',
        },
      ];
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  },
};

export default entry;
