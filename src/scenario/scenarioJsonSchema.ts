import { z } from 'zod';
import { appTargetFields } from './faultCatalogue/app/appTargetFields.ts';
import { faultCatalogue } from './faultCatalogue/catalogue.ts';
import { faultTimingOf, scenarioSchema } from './schema.ts';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, unknown>; required?: string[]; anyOf?: JsonSchema[]; oneOf?: JsonSchema[] };

const toJson = (schema: z.ZodType): JsonSchema => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

/** One object schema out of the fault's common fields and one (variant of its) settings schema. */
function merge(common: JsonSchema, own: JsonSchema): JsonSchema {
  return {
    type: 'object',
    properties: { ...common.properties, ...own.properties },
    required: [...(common.required ?? []), ...(own.required ?? [])],
    additionalProperties: false,
  };
}

/**
 * The scenario's JSON Schema for editors (yaml-language-server), generated from the same zod definitions
 * that validate scenarios. Faults are written flat (common fields beside the kind's own), so each kind's
 * schema is assembled here: one `oneOf` branch per kind, one per settings variant where a kind has several.
 */
export function scenarioJsonSchema(): JsonSchema {
  const schema = toJson(scenarioSchema);
  const branches: JsonSchema[] = [];
  for (const kind of faultCatalogue.values()) {
    const common = toJson(z.object({ kind: z.literal(kind.kind).describe(kind.summary), ...faultTimingOf(kind), ...(kind.layer === 'app' ? appTargetFields : {}) }));
    const own = toJson(kind.settings);
    const variants = own.anyOf ?? own.oneOf ?? [own];
    for (const variant of variants) branches.push({ ...merge(common, variant), description: `${kind.kind}: ${kind.summary}` });
  }
  const properties = schema.properties as Record<string, JsonSchema>;
  properties.faults = { type: 'array', description: 'The fault timeline, in simulated time.', items: { oneOf: branches } };
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'thap scenario', ...schema };
}

export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
