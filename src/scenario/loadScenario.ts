import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { UserError, ValidationError, type Issue } from '../core/index.ts';
import { checkScenarioReferences } from './checkScenarioReferences.ts';
import { rescaleServiceTimes } from './rescaleServiceTimes.ts';
import { scenarioSchema, type Scenario } from './schema.ts';

export interface LoadedScenario {
  file: string;
  scenario: Scenario;
}

/**
 * Reads a scenario (YAML, or a TypeScript module whose default export is `defineScenario(...)`) and
 * validates it in full before anything starts: every problem is reported at once, each with its file,
 * line and column (YAML), field path, the bad value and the fix. Throws ValidationError (exit 2).
 */
export async function loadScenario(file: string, { overrides }: { overrides?: ScenarioOverrides } = {}): Promise<LoadedScenario> {
  const path = resolve(file);
  const extension = extname(path);
  if (extension === '.ts' || extension === '.mts' || extension === '.js') {
    const module = (await import(pathToFileURL(path).href)) as { default?: unknown };
    return { file, scenario: validateScenario({ raw: applyOverrides(module.default, overrides), file }) };
  }
  if (extension !== '.yaml' && extension !== '.yml') {
    throw new UserError(`${file}: scenarios are .yaml, .yml or .ts files (got "${extension || 'no extension'}")`);
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UserError(`${file}: cannot read the scenario: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    throw new ValidationError(
      `${file} is not valid YAML`,
      document.errors.map((error) => {
        const position = lineCounter.linePos(error.pos[0]);
        return { file, path: '', line: position.line, column: position.col, message: error.message.split('\n')[0] as string };
      }),
    );
  }
  let raw: unknown;
  try {
    raw = document.toJS();
  } catch (error) {
    // The yaml library refuses documents whose aliases expand without bound ("billion laughs").
    throw new ValidationError(`${file} is not a usable YAML document`, [{ file, path: '', message: `${(error as Error).message}; write the values out instead of repeating aliases (*name)` }]);
  }
  return { file, scenario: validateScenario({ raw: applyOverrides(raw, overrides), file, locate: locator(document, lineCounter) }) };
}

/** Command-line overrides, applied to the document before validation so they are checked like the file. */
export interface ScenarioOverrides {
  seed?: number;
  speed?: number;
}

function applyOverrides(raw: unknown, overrides: ScenarioOverrides | undefined): unknown {
  if (!overrides || raw === null || typeof raw !== 'object') return raw;
  const document = { ...(raw as Record<string, unknown>) };
  if (overrides.seed !== undefined) document.seed = overrides.seed;
  if (overrides.speed !== undefined) {
    const clock = (document.clock !== null && typeof document.clock === 'object' ? document.clock : {}) as Record<string, unknown>;
    const shipped = typeof clock.speed === 'number' && clock.speed > 0 ? clock.speed : 1;
    // Every segment keeps its ratio to the clock's speed: `--speed` slows or speeds the whole incident alike.
    const ratio = overrides.speed / shipped;
    const segments = Array.isArray(clock.segments) ? { segments: clock.segments.map((segment: unknown) => scaleSegment(segment, ratio)) } : {};
    document.clock = { ...clock, speed: overrides.speed, ...segments };
    document.services = rescaleServiceTimes(document.services, overrides.speed / shipped);
  }
  return document;
}

function scaleSegment(segment: unknown, ratio: number): unknown {
  if (segment === null || typeof segment !== 'object') return segment;
  const { speed } = segment as { speed?: unknown };
  return typeof speed === 'number' ? { ...segment, speed: speed * ratio } : segment;
}

type Locate = (path: PropertyKey[]) => { line: number; column: number } | undefined;

/** Validates an already parsed scenario object; `locate` maps a field path to its YAML position. */
export function validateScenario({ raw, file, locate }: { raw: unknown; file: string; locate?: Locate }): Scenario {
  const result = scenarioSchema.safeParse(raw);
  const issues: Issue[] = [];
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path;
      const badValue = valueAt(raw, path);
      const got = badValue !== undefined && typeof badValue !== 'object' && !issue.message.includes('(got') ? ` (got ${JSON.stringify(badValue)})` : '';
      issues.push({ file, path: path.join('.'), message: `${issue.message}${got}`, ...locate?.(path) });
    }
  } else {
    for (const issue of checkScenarioReferences(result.data)) {
      issues.push({ file, ...issue, ...locate?.(issue.path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part))) });
    }
  }
  if (issues.length > 0 || !result.success) {
    throw new ValidationError(`${file}: ${issues.length} problem${issues.length === 1 ? '' : 's'} in the scenario`, issues);
  }
  return result.data;
}

function valueAt(raw: unknown, path: PropertyKey[]): unknown {
  let value = raw;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function locator(document: Document, lineCounter: LineCounter): Locate {
  return (path) => {
    // Walk up until a node exists (a missing field is reported at its parent).
    for (let depth = path.length; depth >= 0; depth -= 1) {
      const node = document.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) {
        const position = lineCounter.linePos(node.range[0]);
        return { line: position.line, column: position.col };
      }
    }
    return undefined;
  };
}
