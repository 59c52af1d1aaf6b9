import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ryukImage } from './chooseReaper.ts';

describe('chooseReaper', () => {
  it("names the reaper image the installed testcontainers starts (an upgrade that moves it fails here)", () => {
    const require = createRequire(import.meta.url);
    const reaper = path.join(path.dirname(require.resolve('testcontainers/package.json')), 'build/reaper/reaper.js');
    expect(readFileSync(reaper, 'utf8')).toContain(`"${ryukImage}"`);
  });
});
