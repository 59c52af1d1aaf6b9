import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { ValidationError, type Issue } from '../../core/index.ts';
import { contractSteps, stepNames, type StepName } from '../steps.ts';
import { contractFieldExists } from './contractFieldExists.ts';
import { vendorMappingSchema, type FieldSource, type VendorMapping } from './schema.ts';

/**
 * Loads a vendor mapping from a YAML file or a TypeScript/JavaScript module (default export), checks it in
 * full and reports every problem at once: unknown keys, bad values, and sources naming contract fields that
 * do not exist.
 */
export async function loadVendorMapping(args: { file: string }): Promise<VendorMapping> {
  const file = args.file;
  const ext = path.extname(file).toLowerCase();
  let raw: unknown;
  if (ext === '.yaml' || ext === '.yml') {
    const document = parseDocument(await readFile(file, 'utf8'));
    if (document.errors.length > 0) {
      throw new ValidationError(`${file}: not valid YAML`, document.errors.map((error) => ({ file, path: '', message: error.message })));
    }
    raw = document.toJS();
  } else if (['.ts', '.mts', '.js', '.mjs'].includes(ext)) {
    const module = (await import(pathToFileURL(path.resolve(file)).href)) as { default?: unknown };
    if (module.default === undefined) throw new ValidationError(`${file}: invalid vendor mapping`, [{ file, path: '', message: 'the module has no default export; export default defineVendorMapping({...})' }]);
    raw = module.default;
  } else {
    throw new ValidationError(`${file}: invalid vendor mapping`, [{ file, path: '', message: `unknown file type ${JSON.stringify(ext)}; use .yaml, .yml, .ts or .js` }]);
  }
  return parseVendorMapping({ raw, file });
}

/** Validates an already-parsed mapping document; `file` only labels the errors. */
export function parseVendorMapping(args: { raw: unknown; file?: string }): VendorMapping {
  const { file } = args;
  const parsed = vendorMappingSchema.safeParse(args.raw, { reportInput: true });
  if (!parsed.success) {
    const issues: Issue[] = parsed.error.issues.map((issue) => ({
      ...(file ? { file } : {}),
      path: issue.path.join('.'),
      message: describeIssue(issue),
    }));
    throw new ValidationError(`${file ?? 'vendor mapping'}: invalid vendor mapping`, issues);
  }
  const issues = fieldIssues(parsed.data).map((issue) => ({ ...(file ? { file } : {}), ...issue }));
  if (issues.length > 0) throw new ValidationError(`${file ?? 'vendor mapping'}: invalid vendor mapping`, issues);
  return parsed.data;
}

function fieldIssues(mapping: VendorMapping): Issue[] {
  const issues: Issue[] = [];
  for (const [name, stepMapping] of Object.entries(mapping.steps) as Array<[StepName, NonNullable<VendorMapping['steps'][StepName]>]>) {
    const request = contractSteps[name].request;
    const check = (where: string, source: FieldSource) => {
      const field = typeof source === 'string' ? source : 'from' in source ? source.from : undefined;
      if (field !== undefined && !contractFieldExists(request, field)) {
        issues.push({ path: where, message: `${JSON.stringify(field)} is not a field of the ${name} request; see docs/client-contract.md for its fields` });
      }
    };
    for (const [target, source] of Object.entries(stepMapping.body ?? {})) check(`steps.${name}.body.${target}`, source);
    for (const [header, source] of Object.entries(stepMapping.headers ?? {})) check(`steps.${name}.headers.${header}`, source);
    for (const match of stepMapping.path.matchAll(/\{([\w.]+)\}/g)) {
      const field = match[1] ?? '';
      if (!contractFieldExists(request, field)) issues.push({ path: `steps.${name}.path`, message: `placeholder {${field}} is not a field of the ${name} request` });
    }
    if (stepMapping.reply.state !== undefined && stepMapping.reply.done.length === 0) {
      issues.push({ path: `steps.${name}.reply.done`, message: 'reply.state is set but no done values are listed; list the vendor values that mean done' });
    }
  }
  return issues;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const known = issue.path.length === 1 && issue.path[0] === 'steps' ? `the steps are ${stepNames.join(', ')}` : 'see docs/client-contract.md for the fields';
    return `unknown key ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}; remove it (${known})`;
  }
  const input = 'input' in issue ? issue.input : undefined;
  const shown = input === undefined ? '' : ` (got ${JSON.stringify(input)?.slice(0, 120)})`;
  return `${issue.message}${shown}`;
}
