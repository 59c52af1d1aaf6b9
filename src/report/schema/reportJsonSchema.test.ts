import { readFile, rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { scoreRun } from '../../scoring/scoreRun.ts';
import { buildRunDir } from '../../../test/support/scoring/buildRunDir.ts';
import { reportJsonSchema, reportJsonSchemaText } from './reportJsonSchema.ts';
import { reportSchemaFile } from './writeReportSchema.ts';
import { z } from 'zod';

describe('schema/report.schema.json', () => {
  it('is up to date with the zod definition (regenerate: node --import tsx src/report/schema/writeReportSchema.ts)', async () => {
    expect(await readFile(reportSchemaFile, 'utf8')).toBe(reportJsonSchemaText());
  });

  it('accepts a real report and rejects one with a missing field, when read back through the JSON Schema', async () => {
    const { runDir } = await buildRunDir({ durationMs: 20_000, ratePerSec: 5, faults: [{ id: 'f1', fromMs: 5000, toMs: 10_000 }], respond: ({ inFault }) => ({ ok: !inFault, latencyMs: 10, outcome: inFault ? 'failed' : 'done' }) });
    const report = await scoreRun({ runDir });
    await rm(runDir, { recursive: true, force: true });
    const fromJsonSchema = z.fromJSONSchema(reportJsonSchema() as Parameters<typeof z.fromJSONSchema>[0]);
    expect(fromJsonSchema.safeParse(JSON.parse(JSON.stringify(report))).success).toBe(true);
    const { integrity: _omit, ...broken } = report;
    expect(fromJsonSchema.safeParse(broken).success).toBe(false);
  });
});
