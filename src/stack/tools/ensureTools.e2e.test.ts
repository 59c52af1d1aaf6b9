import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ensureTools } from './ensureTools.ts';
import { toolPins } from './pins.ts';

// Real tools, real cache (THAP_CACHE_DIR or ~/.cache/thap): finds k6 and toxiproxy-server, or builds them
// with the real Go toolchain (a k6 build takes 40-120 s on 2 cores, hence the 5 minute timeout).
describe('ensureTools with the real cache', () => {
  it(
    'provides k6 and toxiproxy-server that report the pinned versions',
    async () => {
      const progress: string[] = [];
      const tools = await ensureTools({ onProgress: (line) => progress.push(line) });
      const k6Output = execFileSync(tools.k6.path, ['version'], { encoding: 'utf8' });
      const toxiproxyOutput = execFileSync(tools.toxiproxy.path, ['-version'], { encoding: 'utf8' });
      expect(k6Output).toContain(`k6 v${toolPins.k6.version} `);
      expect(toxiproxyOutput.trim()).toBe(`toxiproxy-server version ${toolPins.toxiproxy.version}`);
      expect(tools.k6.version).toBe(toolPins.k6.version);
      expect(tools.toxiproxy.version).toBe(toolPins.toxiproxy.version);

      const again = await ensureTools();
      expect(again.k6.path).toBe(tools.k6.path);
      expect(['path', 'cache', 'flag', 'env']).toContain(again.k6.source);
      expect(['path', 'cache', 'flag', 'env']).toContain(again.toxiproxy.source);
    },
    5 * 60_000,
  );
});
