import { describe, expect, it } from 'vitest';
import { partOf } from './componentCpu.ts';

describe('partOf', () => {
  it('tells the parts of a run apart by command line', () => {
    expect(partOf('/root/.cache/thap/bin/k6 run --out csv=k6.csv script.ts')).toBe('k6');
    expect(partOf('/root/.cache/thap/bin/toxiproxy-server -host 127.0.0.1 -port 28191')).toBe('toxiproxy');
    expect(partOf('/usr/bin/node /work/wt/scale/bin/thap.js mocks serve --json --services ehospital')).toBe('mocks');
    expect(partOf('node --import tsx examples/resilient/server.ts')).toBe('client');
    expect(partOf('/usr/bin/node bin/thap.js run /tmp/o2.yaml --ci')).toBe('thap');
    expect(partOf('sh -c true')).toBe('other');
  });
});
