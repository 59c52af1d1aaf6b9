import { describe, expect, it } from 'vitest';
import { formatTable } from './formatTable.ts';

describe('formatTable', () => {
  it('puts every metric in its own right-aligned column, blank where a row lacks it', () => {
    const text = formatTable([
      { entry: 'e', subject: 'bare', metrics: { rps: 64800, p99Ms: 1.234 } },
      { entry: 'e', subject: 'thap', metrics: { rps: 9000.5, ratio: 0.139 }, note: 'x' },
    ]);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^entry\s+subject\s+rps\s+p99Ms\s+ratio\s+note$/);
    expect(lines[2]).toContain('64800');
    expect(lines[2]).toContain('1.23');
    expect(lines[3]).toContain('9001');
    expect(lines[3]).toContain('0.14');
    expect(lines[3]!.endsWith('x')).toBe(true);
  });
});
