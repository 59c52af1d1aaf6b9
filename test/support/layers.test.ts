import { describe, expect, it } from 'vitest';
import { importViolations, layerOf, type ImportEdge } from './layers.ts';

function edge(from: string, to: string): ImportEdge {
  return { from, to, fromLayer: layerOf(from) ?? 'outside', toLayer: layerOf(to) ?? 'outside' };
}

describe('importViolations', () => {
  it('lets a layer import itself freely and a lower layer through its index.ts', () => {
    expect(
      importViolations([
        edge('src/run/runScenario.ts', 'src/run/startLoad.ts'),
        edge('src/run/runScenario.ts', 'src/scoring/index.ts'),
        edge('src/scoring/scoreRun.ts', 'src/core/index.ts'),
        edge('src/stack/startClient.ts', 'src/stack/tools/index.ts'),
      ]),
    ).toEqual([]);
  });

  it('flags an import of a higher layer, of a peer and of a file outside every layer', () => {
    expect(
      importViolations([
        edge('src/core/errors.ts', 'src/cli/index.ts'),
        edge('src/scenario/schema.ts', 'src/traffic/index.ts'),
        edge('src/util/withTimeout.ts', 'bench/run.ts'),
      ]).map((violation) => violation.rule),
    ).toEqual(['upward', 'upward', 'upward']);
  });

  it('flags an import that reaches past a lower layer’s index.ts, except into mocks/', () => {
    expect(
      importViolations([
        edge('src/report/renderRun.ts', 'src/scoring/worker/scoreRunBounded.ts'),
        edge('src/scenario/schema.ts', 'mocks/config.ts'),
      ]),
    ).toEqual([{ rule: 'public face', edge: 'src/report/renderRun.ts (report) -> src/scoring/worker/scoreRunBounded.ts (scoring)' }]);
  });

  it('puts mocks/ and each folder of src/ in its layer, and nothing else', () => {
    expect([layerOf('mocks/http/route.ts'), layerOf('src/scoring/k6/parseTags.ts'), layerOf('test/support/runThap.ts')]).toEqual([
      'mocks',
      'scoring',
      undefined,
    ]);
  });
});
