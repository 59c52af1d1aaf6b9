import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRunDir } from '../../../test/support/scoring/buildRunDir.ts';
import { scoreRun } from '../../scoring/scoreRun.ts';
import { writeReportFiles } from '../writeReportFiles.ts';
import { printPdf } from './printPdf.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'thap-pdf-'));
  await writeFile(join(dir, 'page.html'), '<!doctype html><p>hello</p>');
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('printPdf', () => {
  it('says the PDF was skipped and how to get Chromium when there is none', async () => {
    const printed = await printPdf({ htmlFile: join(dir, 'page.html'), pdfFile: join(dir, 'page.pdf'), env: { PATH: '' } });
    expect(printed).toEqual({ note: 'page.pdf skipped: no Chromium found (set THAP_CHROMIUM_PATH, or install it: apt-get install -y chromium)' });
  });

  it('says so when the given Chromium cannot print, and leaves no temporary file', async () => {
    const printed = await printPdf({ chromium: join(dir, 'no-such-chromium'), htmlFile: join(dir, 'page.html'), pdfFile: join(dir, 'page.pdf') });
    expect('note' in printed && printed.note).toMatch(/^page\.pdf skipped: Chromium \(.*no-such-chromium\) could not print it: /);
    expect((await readdir(dir)).filter((name) => name.includes('.pdf'))).toEqual([]);
  });
});

describe('writeReportFiles without the PDF', () => {
  it('writes no PDF and no note when the PDF is not wanted (chromium null, as --no-pdf)', async () => {
    const { runDir } = await buildRunDir({ durationMs: 30_000, ratePerSec: 5, respond: () => ({ ok: true, latencyMs: 10, outcome: 'done' }) });
    try {
      const report = await scoreRun({ runDir });
      const written = await writeReportFiles({ dir: runDir, report, formats: ['md', 'pdf'], chromium: null });
      expect(written).toEqual({ files: [join(runDir, 'report.md')], notes: [] });
    } finally {
      await rm(runDir, { recursive: true, force: true });
    }
  });
});
