// Regenerates schema/client-contract.schema.json: `node --import tsx src/contract/writeJsonSchema.ts`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { clientContractJsonSchemaText } from './jsonSchema.ts';

const target = fileURLToPath(new URL('../../schema/client-contract.schema.json', import.meta.url));
writeFileSync(target, clientContractJsonSchemaText());
process.stdout.write(`wrote ${target}\n`);
