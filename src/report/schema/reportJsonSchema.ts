import { z } from 'zod';
import { reportSchema } from '../../scoring/index.ts';

/** The JSON Schema (draft 2020-12) of report.json, generated from the zod definition that scoring uses. */
export function reportJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(reportSchema, { target: 'draft-2020-12' }),
    $id: 'https://thap.invalid/schema/report.schema.json',
    title: 'thap report.json',
    description: 'The result of one thap run: phases, recovery, integrity, NIC figures, score and gates. Every other report format is rendered from it.',
  };
}

/** The schema as the text kept in schema/report.schema.json. */
export function reportJsonSchemaText(): string {
  return `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
}
