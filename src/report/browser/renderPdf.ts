import { writeFile } from 'node:fs/promises';
import { CdpSession } from './cdpSession.ts';
import { openPage } from './openPage.ts';
import { pdfPageCount } from './pdfPageCount.ts';

/**
 * Prints a local HTML file to PDF (A4, backgrounds on) through headless Chromium. Returns what the printed
 * pages hold: their number (the PDF's page objects) and the text the print layout shows (the page's text
 * under print media), so a test can check that a verdict is on paper.
 */
export async function renderPdf({ chromium, htmlFile, pdfFile }: { chromium: string; htmlFile: string; pdfFile: string }): Promise<{ pages: number; printedText: string }> {
  const browser = await CdpSession.launch({ chromium });
  try {
    const { sessionId } = await openPage({ browser, file: htmlFile });
    await browser.send('Emulation.setEmulatedMedia', { media: 'print' }, sessionId);
    const { result } = (await browser.send('Runtime.evaluate', { expression: 'document.body.innerText', returnByValue: true }, sessionId)) as { result: { value: string } };
    const { data } = (await browser.send('Page.printToPDF', { printBackground: true, preferCSSPageSize: true }, sessionId, 60_000)) as { data: string };
    const pdf = Buffer.from(data, 'base64');
    await writeFile(pdfFile, pdf);
    return { pages: pdfPageCount(pdf), printedText: result.value };
  } finally {
    await browser.close();
  }
}
