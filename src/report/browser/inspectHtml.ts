import { CdpSession } from './cdpSession.ts';
import { openPage, type PageLog } from './openPage.ts';

/**
 * Opens an HTML report in headless Chromium with the network blocked and reports what a reader would see:
 * console errors, exceptions, attempted network requests, how many charts rendered (with drawn pixels),
 * whether any script put up a dialog, and a PNG screenshot of the whole page.
 */
export async function inspectHtml({ chromium, htmlFile }: { chromium: string; htmlFile: string }): Promise<PageLog & { charts: number; paintedCanvases: number; dialogs: string[]; title: string; screenshot: Buffer }> {
  const browser = await CdpSession.launch({ chromium });
  try {
    const dialogs: string[] = [];
    browser.on('Page.javascriptDialogOpening', (params, from) => {
      dialogs.push(String(params.message));
      void browser.send('Page.handleJavaScriptDialog', { accept: true }, from).catch(() => undefined);
    });
    const { sessionId, log } = await openPage({ browser, file: htmlFile });
    const { result } = (await browser.send(
      'Runtime.evaluate',
      {
        expression: `JSON.stringify({
          charts: Number(document.body.getAttribute('data-charts') || 0),
          title: document.title,
          painted: [...document.querySelectorAll('.uplot canvas')].filter((c) => {
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            for (let i = 3; i < d.length; i += 4 * 7) if (d[i] !== 0) return true;
            return false;
          }).length,
        })`,
        returnByValue: true,
      },
      sessionId,
    )) as { result: { value: string } };
    const page = JSON.parse(result.value) as { charts: number; painted: number; title: string };
    const { data } = (await browser.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true }, sessionId)) as { data: string };
    return { ...log, charts: page.charts, paintedCanvases: page.painted, dialogs, title: page.title, screenshot: Buffer.from(data, 'base64') };
  } finally {
    await browser.close();
  }
}
