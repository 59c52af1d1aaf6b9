/**
 * Regenerates schema/report.schema.json from the zod definition:
 * `node --import tsx src/report/schema/writeReportSchema.ts`. A test fails when the file is stale.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { reportJsonSchemaText } from './reportJsonSchema.ts';

export const reportSchemaFile = fileURLToPath(new URL('../../../schema/report.schema.json', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeFile(reportSchemaFile, reportJsonSchemaText());
  process.stdout.write(`wrote ${reportSchemaFile}\n`);
}
