import { z } from 'zod';
import { clientEnv } from './env.ts';
import { correlationIdHeader } from './headers.ts';
import { outboxStatusSchema } from './outbox.ts';
import { failedSchema, queuedSchema, doneSchema } from './responses.ts';
import { contractSteps, stepHeader, stepNames } from './steps.ts';

/**
 * The JSON Schema of the client journey contract (schema/client-contract.schema.json), generated from the
 * same zod schemas the code uses. `$defs` holds one request and one `done` schema per step, the queued and
 * failed answers, and the outbox status; `x-thap-steps` lists each step's method, path and flags.
 */
export function clientContractJsonSchema(): Record<string, unknown> {
  const shape: Record<string, z.ZodType> = {};
  for (const name of stepNames) {
    const step = contractSteps[name];
    shape[`${name}Request`] = step.request;
    shape[`${name}Done`] = doneSchema(step.nic).meta({ id: `${cap(name)}Done`, description: `200 answer of ${stepHeader(step)}` });
  }
  shape.queued = queuedSchema;
  shape.failed = failedSchema;
  shape.outboxStatus = outboxStatusSchema;
  const generated = z.toJSONSchema(z.object(shape), { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://thap.dev/schema/client-contract.schema.json',
    title: 'thap client journey contract',
    description: `Requests k6 sends to a client system and the answers it expects. Every request carries ${correlationIdHeader}. See docs/client-contract.md.`,
    $defs: generated.$defs,
    'x-thap-steps': stepNames.map((name) => {
      const step = contractSteps[name];
      return {
        name,
        journey: step.journey,
        method: step.method,
        path: step.path,
        write: step.write,
        queueable: step.queueable,
        request: { $ref: `#/$defs/${refName(step.request) ?? `${name}Request`}` },
        done: { $ref: `#/$defs/${cap(name)}Done` },
        description: step.description,
      };
    }),
    'x-thap-env': clientEnv,
  };
}

function cap(name: string): string {
  return name[0]?.toUpperCase() + name.slice(1);
}

function refName(schema: z.ZodType): string | undefined {
  const meta = z.globalRegistry.get(schema) as { id?: string } | undefined;
  return meta?.id;
}

/** The schema file's text: stable key order, two-space indent, trailing newline. */
export function clientContractJsonSchemaText(): string {
  return `${JSON.stringify(clientContractJsonSchema(), null, 2)}\n`;
}
