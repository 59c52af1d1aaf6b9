import type { MockRoute } from './route.ts';

interface Compiled {
  route: MockRoute;
  segments: string[];
}

/**
 * Finds the route for a method and path before MSW runs, so that only one handler is tried per request,
 * and names the nearest route when none matches.
 */
export class RouteTable {
  private readonly exact = new Map<string, MockRoute>();
  private readonly patterns: Compiled[] = [];
  constructor(readonly routes: MockRoute[]) {
    for (const route of routes) {
      if (route.path.includes(':')) this.patterns.push({ route, segments: route.path.split('/') });
      else this.exact.set(`${route.method} ${route.path}`, route);
    }
  }

  /** The route for a method and path, with its path parameters (decoded). */
  find(method: string, path: string): { route: MockRoute; params: Record<string, string> } | undefined {
    const hit = this.exact.get(`${method} ${path}`);
    if (hit) return { route: hit, params: NO_PARAMS };
    const segments = path.split('/');
    for (const { route, segments: pattern } of this.patterns) {
      if (route.method !== method || pattern.length !== segments.length) continue;
      if (!pattern.every((part, i) => (part.startsWith(':') ? segments[i] !== '' : part === segments[i]))) continue;
      const params: Record<string, string> = {};
      pattern.forEach((part, i) => {
        if (part.startsWith(':')) params[part.slice(1)] = safeDecode(segments[i]!);
      });
      return { route, params };
    }
    return undefined;
  }

  /**
   * The route closest to a method and path: an edit distance over path segments (a `:param` matches any
   * segment; two different segments cost their character distance, scaled to 0..1), plus 0.5 for another method.
   */
  nearest(method: string, path: string): MockRoute | undefined {
    const wanted = path.split('/');
    let best: MockRoute | undefined;
    let bestDistance = Infinity;
    for (const route of this.routes) {
      const distance = segmentDistance(wanted, route.path.split('/')) + (route.method === method ? 0 : 0.5);
      if (distance < bestDistance) {
        best = route;
        bestDistance = distance;
      }
    }
    return best;
  }
}

const NO_PARAMS: Record<string, string> = Object.freeze({}) as Record<string, string>;

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function segmentDistance(path: string[], pattern: string[]): number {
  const cost = (segment: string, part: string) =>
    part === segment || (part.startsWith(':') && segment !== '') ? 0 : editDistance(segment, part) / Math.max(segment.length, part.length, 1);
  return levenshtein(path.length, pattern.length, (i, j) => cost(path[i]!, pattern[j]!));
}

function editDistance(a: string, b: string): number {
  return levenshtein(a.length, b.length, (i, j) => (a[i] === b[j] ? 0 : 1));
}

/** Levenshtein distance over two sequences of the given lengths, with a substitution cost per pair. */
function levenshtein(n: number, m: number, substitution: (i: number, j: number) => number): number {
  const row = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= m; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + substitution(i - 1, j - 1));
      previous = current;
    }
  }
  return row[m]!;
}
