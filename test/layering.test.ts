import { describe, expect, it } from 'vitest';
import { importViolations, layerOrder, readProductImports } from './support/layers.ts';

// The layers, top to bottom (README, "Layout"). A product file may import its own layer and the layers below
// it, never one above; layers on one line are peers and do not import each other. From another layer it
// imports only that layer's public face, an `index.ts`. Tests, bench/, examples/ and test/ are not layers.
describe('layering', () => {
  const imports = readProductImports(new URL('..', import.meta.url));

  it('reads the imports of every product file (the check sees the tree)', () => {
    const layers = new Set(imports.map((edge) => edge.fromLayer));
    for (const line of layerOrder) for (const layer of line) expect(layers, layer).toContain(layer);
    expect(imports.length).toBeGreaterThan(500);
  });

  it('no layer imports a layer above it or a peer', () => {
    expect(importViolations(imports).filter((violation) => violation.rule === 'upward').map((violation) => violation.edge)).toEqual([]);
  });

  it('a layer is imported through its index.ts only', () => {
    expect(importViolations(imports).filter((violation) => violation.rule === 'public face').map((violation) => violation.edge)).toEqual([]);
  });
});
