import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../scoring/reportSchema.ts';
import { scoreRun } from '../../scoring/scoreRun.ts';
import { buildRunDir } from '../../../test/support/scoring/buildRunDir.ts';
import { findChromium } from '../browser/findChromium.ts';
import { inspectHtml } from '../browser/inspectHtml.ts';
import { renderPdf } from '../browser/renderPdf.ts';
import { renderHtml } from './renderHtml.ts';

// Real browser: headless Chromium opens the report with the network blocked. Screenshots are kept in
// reports/test-artifacts/ (the reports folder's contents are ignored by git).
const chromium = await findChromium();
const artifacts = fileURLToPath(new URL('../../../reports/test-artifacts/', import.meta.url));

let runDir: string;
let report: Report;
beforeAll(async () => {
  ({ runDir } = await buildRunDir({
    name: '<script>alert("name")</script>',
    durationMs: 120_000,
    ratePerSec: 20,
    gates: ['phase.fault.availability > 0.5', 'recovery.ttr < 60s'],
    faults: [{ id: 'f1', fromMs: 40_000, toMs: 70_000, describe: '<img src=x onerror=alert(2)>' }],
    // Work queued in the fault reaches NIC 20 s later: a backlog to chart.
    respond: ({ inFault, offsetMs, index }) =>
      inFault ? { ok: index % 5 === 0, latencyMs: 800 + (index % 13) * 40, outcome: index % 5 === 0 ? 'queued' : 'failed', upstreamAttempts: 3, storedAfterMs: 20_000 } : { ok: offsetMs < 75_000 ? index % 3 !== 0 : true, latencyMs: 15 + (index % 11) * 3, outcome: 'done' },
  }));
  report = await scoreRun({ runDir });
});
afterAll(async () => rm(runDir, { recursive: true, force: true }));

describe.skipIf(!chromium)(`HTML report in headless Chromium${chromium ? '' : ' (skipped: no Chromium; set THAP_CHROMIUM_PATH or apt-get install -y chromium)'}`, () => {
  it('renders every chart with no console error, no network request and no script from the scenario', async () => {
    await mkdir(artifacts, { recursive: true });
    const htmlFile = join(artifacts, 'report.html');
    await writeFile(htmlFile, renderHtml(report));
    const page = await inspectHtml({ chromium: chromium as string, htmlFile });
    await writeFile(join(artifacts, 'report-html.png'), page.screenshot);
    expect(page.consoleErrors).toEqual([]);
    expect(page.exceptions).toEqual([]);
    expect(page.networkRequests).toEqual([]);
    expect(page.dialogs).toEqual([]);
    // Arrivals, errors, latency, backlog, Q(t).
    expect(page.charts).toBe(5);
    expect(page.paintedCanvases).toBeGreaterThanOrEqual(5);
    expect(page.title).toContain('<script>alert("name")</script>');
    expect(page.screenshot.subarray(1, 4).toString()).toBe('PNG');
    expect(page.screenshot.length).toBeGreaterThan(20_000);
  }, 60_000);

  it('prints to a PDF', async () => {
    await mkdir(artifacts, { recursive: true });
    const htmlFile = join(artifacts, 'report-print.html');
    const pdfFile = join(artifacts, 'report.pdf');
    await writeFile(htmlFile, renderHtml(report));
    const printed = await renderPdf({ chromium: chromium as string, htmlFile, pdfFile });
    expect((await readFile(pdfFile)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(printed.pages).toBeGreaterThanOrEqual(2);
  }, 60_000);
});
