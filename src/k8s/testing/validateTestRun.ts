import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';

/** The vendored schema (crd/: k6-operator v1.5.0's TestRun openAPIV3Schema; its $comment says where from). */
const schemaFile = new URL('../crd/k6-operator-v1.5.0-testrun.schema.json', import.meta.url);

type SchemaNode = Record<string, unknown>;

/**
 * The API server prunes (or, with strict field validation, rejects) fields a structural schema does not
 * declare; a JSON Schema validator allows them. So every object with declared properties gets
 * `additionalProperties: false` unless it keeps unknown fields or declares its own: a misspelled field
 * fails here as `kubectl apply --validate=strict` would fail it.
 */
function closeObjects(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closeObjects);
  if (node === null || typeof node !== 'object') return node;
  const copy: SchemaNode = Object.fromEntries(Object.entries(node as SchemaNode).map(([key, value]) => [key, closeObjects(value)]));
  if (copy.properties && copy.additionalProperties === undefined && copy['x-kubernetes-preserve-unknown-fields'] !== true) copy.additionalProperties = false;
  return copy;
}

/** OpenAPI's integer formats, checked by range; date-time as RFC 3339. */
const formats = {
  int32: { type: 'number' as const, validate: (value: number) => Number.isInteger(value) && value >= -(2 ** 31) && value < 2 ** 31 },
  int64: { type: 'number' as const, validate: (value: number) => Number.isSafeInteger(value) },
  'date-time': { type: 'string' as const, validate: (value: string) => !Number.isNaN(Date.parse(value)) },
};

let validator: ((object: unknown) => boolean) & { errors?: ErrorObject[] | null } | undefined;

/** Validates an object against k6-operator's TestRun schema; returns the errors, empty when it is valid. */
export function testRunSchemaErrors(object: unknown): string[] {
  if (!validator) {
    const schema = closeObjects(JSON.parse(readFileSync(schemaFile, 'utf8'))) as SchemaNode;
    // The Kubernetes extensions (x-kubernetes-*) are the API server's, not JSON Schema's: known, not checked.
    const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, formats });
    for (const keyword of ['x-kubernetes-int-or-string', 'x-kubernetes-list-map-keys', 'x-kubernetes-list-type', 'x-kubernetes-map-type', 'x-kubernetes-preserve-unknown-fields']) ajv.addKeyword(keyword);
    validator = ajv.compile(schema);
  }
  if (validator(object)) return [];
  return (validator.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}${error.params && 'additionalProperty' in error.params ? ` (${String(error.params.additionalProperty)})` : ''}`);
}
