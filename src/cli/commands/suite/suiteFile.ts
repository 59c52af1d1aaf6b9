import { readFile } from 'node:fs/promises';
import { LineCounter, isNode, parseDocument } from 'yaml';
import { z } from 'zod';
import { UserError, ValidationError, type Issue } from '../../../core/index.ts';

const clientSchema = z
  .strictObject({
    /** The column head and the scorecard's name for this client: a vendor's product name. */
    name: z.string().regex(/^[^=/\\]{1,60}$/, 'a name of 1-60 characters without =, / or \\ (it heads the scorecard column), e.g. "Arogya HMIS 2"'),
    /** Command that starts the client (no shell), in place of each scenario's client.command. */
    command: z.array(z.string().min(1)).min(1).optional(),
    /** A client already running (loopback unless the scenario's checks allow otherwise). */
    url: z.url().optional(),
    /** Its vendor mapping (docs/client-contract.md "Vendor mappings"): the load speaks its own API. */
    mapping: z.string().min(1).optional(),
    /** Path answered with 2xx once the client is ready (with a mapping: the mapping's `health`). */
    health: z.string().startsWith('/', 'a path starting with /').default('/health'),
    env: z.record(z.string(), z.string()).optional(),
  })
  .refine((client) => (client.command === undefined) !== (client.url === undefined), { message: 'give either command (thap starts the client) or url (a client already running), not both' });

const scenarioEntrySchema = z.union([
  z.string().min(1),
  z.strictObject({ file: z.string().min(1), speed: z.number().positive().max(100_000).optional() }),
]);

export const suiteSchema = z.strictObject({
  /** Names the suite's directory under --out: runs of the same suite resume there. */
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'lower-case letters, digits and dashes (it names the suite directory), e.g. opd-outages'),
  description: z.string().optional(),
  /** Scenario files (as `thap run` takes them), each optionally with a speed in place of its own. */
  scenarios: z.array(scenarioEntrySchema).min(1, 'list one or more scenario files'),
  clients: z.array(clientSchema).min(2, 'list two or more clients: a scorecard compares them'),
  /** Runs of each scenario per client: with 2 or more, the scorecard tells differences from repeat noise. */
  repeats: z.number().int().min(1).max(20).default(1),
});

export type SuiteClient = z.infer<typeof clientSchema>;
export interface SuiteScenario {
  file: string;
  speed?: number;
}
export interface Suite {
  name: string;
  description?: string;
  scenarios: SuiteScenario[];
  clients: SuiteClient[];
  repeats: number;
}

/** The directory name a client's runs go under: its name in lower case, other characters as dashes. */
export function clientSlug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'client';
}

/**
 * Reads and checks a suite file (YAML): every problem at once, each with the file, line, field and fix
 * (exit 2). Clients must have distinct names (and directory names).
 */
export async function loadSuiteFile(file: string): Promise<Suite> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UserError(`${file}: cannot read the suite: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}; give the path of a suite .yaml file`);
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    throw new ValidationError(`${file} is not valid YAML`, document.errors.map((error) => ({ file, path: '', ...position(lineCounter, error.pos[0]), message: error.message.split('\n')[0] as string })));
  }
  const locate = (path: PropertyKey[]): { line: number; column: number } | Record<string, never> => {
    for (let depth = path.length; depth >= 0; depth -= 1) {
      const node = document.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return position(lineCounter, node.range[0]);
    }
    return {};
  };
  const parsed = suiteSchema.safeParse(document.toJS());
  const issues: Issue[] = parsed.success ? [] : parsed.error.issues.map((issue) => ({ file, path: issue.path.join('.'), ...locate(issue.path), message: issue.message }));
  if (parsed.success) {
    const seen = new Map<string, number>();
    parsed.data.clients.forEach((client, index) => {
      const earlier = seen.get(clientSlug(client.name));
      if (earlier !== undefined) issues.push({ file, path: `clients.${index}.name`, ...locate(['clients', index, 'name']), message: `"${client.name}" is the same name (or directory ${clientSlug(client.name)}) as clients.${earlier}.name; give each client its own name` });
      else seen.set(clientSlug(client.name), index);
    });
  }
  if (issues.length > 0 || !parsed.success) throw new ValidationError(`${file}: ${issues.length} problem${issues.length === 1 ? '' : 's'} in the suite`, issues);
  const { scenarios, description, ...rest } = parsed.data;
  return { ...rest, ...(description ? { description } : {}), scenarios: scenarios.map((entry) => (typeof entry === 'string' ? { file: entry } : entry)) };
}

function position(lineCounter: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}
