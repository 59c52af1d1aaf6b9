import { writeFile } from 'node:fs/promises';
import { CdpSession } from './cdpSession.ts';
import { openPage } from './openPage.ts';

/** Prints a local HTML file to PDF (A4, backgrounds on) through headless Chromium. */
export async function renderPdf({ chromium, htmlFile, pdfFile }: { chromium: string; htmlFile: string; pdfFile: string }): Promise<void> {
  const browser = await CdpSession.launch({ chromium });
  try {
    const { sessionId } = await openPage({ browser, file: htmlFile });
    const { data } = (await browser.send('Page.printToPDF', { printBackground: true, preferCSSPageSize: true }, sessionId, 60_000)) as { data: string };
    await writeFile(pdfFile, Buffer.from(data, 'base64'));
  } finally {
    await browser.close();
  }
}
