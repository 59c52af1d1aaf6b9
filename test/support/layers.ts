import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * thap's layers, top to bottom: each may import the lines below it. Layers on one line are peers.
 * - cli: the commands; lib and k8s: the other front doors (the library API, Kubernetes manifests)
 * - run: puts a run together; report: renders report.json
 * - load (k6), stack (processes and tools), faults (the fault runtime)
 * - scenario (the document, its validation and plan), traffic (the synthetic day)
 * - scoring: reads a run directory, nothing live
 * - mocks: the NIC mock services; contract: the client journeys, the NIC services and their header names
 * - util, then core (exit codes, errors, version)
 */
export const layerOrder: readonly (readonly string[])[] = [
  ['cli'],
  ['lib', 'k8s'],
  ['run'],
  ['report'],
  ['load'],
  ['stack'],
  ['faults'],
  ['scenario', 'traffic'],
  ['scoring'],
  ['mocks'],
  ['contract'],
  ['util'],
  ['core'],
];

/**
 * Layers imported by their files rather than an index.ts: mocks/ is the NIC services' own program (it runs
 * in its own process); its index.ts starts servers and loads MSW, which validation must not pay for.
 */
const facelessLayers = new Set(['mocks']);

export interface ImportEdge {
  /** Paths relative to the repository root, with `/`. */
  from: string;
  to: string;
  fromLayer: string;
  toLayer: string;
}

export interface Violation {
  rule: 'upward' | 'public face';
  edge: string;
}

const rankOf = new Map(layerOrder.flatMap((line, rank) => line.map((layer) => [layer, rank] as const)));

/** The layer a repository path belongs to: `mocks` or the folder under `src/`; undefined outside both. */
export function layerOf(path: string): string | undefined {
  const [top, second] = path.split('/');
  if (top === 'mocks') return 'mocks';
  if (top === 'src' && second !== undefined && rankOf.has(second)) return second;
  return undefined;
}

function isProductFile(path: string): boolean {
  return path.endsWith('.ts') && !/\.(test|fixture)\.ts$/.test(path) && !path.split('/').includes('fixtures');
}

function listFiles(root: string, folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .map((path) => `${folder}/${path.split(sep).join('/')}`)
    .filter(isProductFile);
}

/** Every relative import (static, re-export, dynamic) of the product files in src/ and mocks/. */
export function readProductImports(rootUrl: URL): ImportEdge[] {
  const root = fileURLToPath(rootUrl);
  const edges: ImportEdge[] = [];
  for (const from of [...listFiles(root, 'src'), ...listFiles(root, 'mocks')]) {
    const fromLayer = layerOf(from);
    if (fromLayer === undefined) throw new Error(`${from} is in no layer: add its folder to layerOrder`);
    const { importedFiles } = ts.preProcessFile(readFileSync(join(root, from), 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const to = relative(root, resolve(root, dirname(from), fileName)).split(sep).join('/');
      edges.push({ from, to, fromLayer, toLayer: layerOf(to) ?? 'outside' });
    }
  }
  return edges;
}

/** The imports that break the order, and those that reach past another layer's index.ts. */
export function importViolations(edges: readonly ImportEdge[]): Violation[] {
  const violations: Violation[] = [];
  for (const edge of edges) {
    if (edge.fromLayer === edge.toLayer) continue;
    const describe = `${edge.from} (${edge.fromLayer}) -> ${edge.to} (${edge.toLayer})`;
    const fromRank = rankOf.get(edge.fromLayer);
    const toRank = rankOf.get(edge.toLayer);
    if (fromRank === undefined || toRank === undefined || toRank <= fromRank) {
      violations.push({ rule: 'upward', edge: describe });
    } else if (!facelessLayers.has(edge.toLayer) && basename(edge.to) !== 'index.ts') {
      violations.push({ rule: 'public face', edge: describe });
    }
  }
  return violations;
}
