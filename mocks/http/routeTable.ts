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

  /** The route whose `METHOD /path` is closest (edit distance) to the request's. */
  nearest(method: string, path: string): MockRoute | undefined {
    const wanted = `${method} ${path}`;
    let best: MockRoute | undefined;
    let bestDistance = Infinity;
    for (const route of this.routes) {
      const distance = editDistance(wanted, `${route.method} ${route.path}`);
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

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
