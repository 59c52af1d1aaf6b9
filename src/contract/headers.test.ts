import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clientIdHeader, correlationIdHeader, idempotencyKeyHeader, retryAfterHeader } from './headers.ts';

describe('the contract header names', () => {
  it('are the names docs/nic-mocks.md and docs/client-contract.md document', () => {
    const docs = readFileSync('docs/nic-mocks.md', 'utf8') + readFileSync('docs/client-contract.md', 'utf8');
    for (const name of [correlationIdHeader, idempotencyKeyHeader, clientIdHeader, retryAfterHeader]) expect(docs, name).toContain(`\`${name}`);
  });

  it('are written out only in src/contract/headers.ts: the mocks, the clients and the benches import them', () => {
    const literal = new RegExp(`['"](${[correlationIdHeader, idempotencyKeyHeader, clientIdHeader, retryAfterHeader].join('|')})['"]`, 'i');
    // The k6 script written inside a string cannot import; its names are injected once it is a real file.
    const notYetInjected = new Set(['src/load/k6Script.ts']);
    const files = execFileSync('git', ['ls-files', 'src', 'mocks', 'examples', 'bench'], { encoding: 'utf8' }).trim().split('\n');
    const code = files.filter((file) => /\.(ts|js|mjs)$/.test(file) && !/\.(test|bench)\.ts$/.test(file) && file !== 'src/contract/headers.ts' && !notYetInjected.has(file));
    expect(code.filter((file) => literal.test(readFileSync(file, 'utf8')))).toEqual([]);
  });
});
