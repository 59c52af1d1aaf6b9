import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { clientContractJsonSchema, clientContractJsonSchemaText } from './jsonSchema.ts';
import { contractSteps, stepNames } from './steps.ts';
import { registerRequestSchema, createConsignmentRequestSchema } from './requests.ts';
import { outboxStatusSchema } from './outbox.ts';

const schemaFile = fileURLToPath(new URL('../../schema/client-contract.schema.json', import.meta.url));

describe('client contract JSON Schema', () => {
  it('is the committed file, regenerated (run `node --import tsx src/contract/writeJsonSchema.ts` after a change)', () => {
    expect(readFileSync(schemaFile, 'utf8')).toBe(clientContractJsonSchemaText());
  });

  it('defines a request and a done answer for every step, and resolves every step reference', () => {
    const schema = clientContractJsonSchema() as { $defs: Record<string, unknown>; 'x-thap-steps': Array<{ name: string; path: string; request: { $ref: string }; done: { $ref: string } }> };
    expect(schema['x-thap-steps'].map((step) => step.name)).toEqual([...stepNames]);
    for (const step of schema['x-thap-steps']) {
      expect(step.path).toBe(contractSteps[step.name as keyof typeof contractSteps].path);
      for (const ref of [step.request.$ref, step.done.$ref]) expect(schema.$defs[ref.replace('#/$defs/', '')], ref).toBeDefined();
    }
    expect(schema.$defs.Queued).toBeDefined();
    expect(schema.$defs.Failed).toBeDefined();
    expect(schema.$defs.OutboxStatus).toBeDefined();
  });
});

describe('contract request schemas', () => {
  const patient = { name: 'Sunita Devi', gender: 'female', age: 41, mobile: '+919450011223', district: 'Lucknow', pin: '226001' };

  it('accept a registration thap sends and reject one with a bad mobile or unknown key', () => {
    expect(registerRequestSchema.safeParse({ patient, department: 'ent', visitType: 'new' }).success).toBe(true);
    expect(registerRequestSchema.safeParse({ patient: { ...patient, mobile: '12345' }, department: 'ent', visitType: 'new' }).success).toBe(false);
    expect(registerRequestSchema.safeParse({ patient, department: 'ent', visitType: 'new', extra: 1 }).success).toBe(false);
  });

  it('bounds a consignment batch and checks the outbox status shape', () => {
    expect(createConsignmentRequestSchema.safeParse({ srfIds: [], labCode: 'KGMU', dispatchedAt: 1 }).success).toBe(false);
    expect(
      outboxStatusSchema.safeParse({
        client: 'resilient',
        at: 1,
        counts: { pending: 1, submitted: 0, abandoned: 0 },
        entries: [{ correlationId: 'pt-1.register', step: 'register', state: 'pending', attempts: 2, acceptedAt: 1 }],
      }).success,
    ).toBe(true);
  });
});
