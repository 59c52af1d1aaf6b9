// The client journey contract (docs/client-contract.md): what k6 sends to a client system and what it answers.
export * from './requests.ts';
export * from './responses.ts';
export * from './steps.ts';
export * from './headers.ts';
export * from './labCodes.ts';
export * from './services.ts';
export * from './env.ts';
export * from './outbox.ts';
export type * from './types.ts';
export * from './mapping/index.ts';
export { clientContractJsonSchema, clientContractJsonSchemaText } from './jsonSchema.ts';



