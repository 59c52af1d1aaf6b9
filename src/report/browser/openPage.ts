import { pathToFileURL } from 'node:url';
import type { CdpSession } from './cdpSession.ts';

export interface PageLog {
  consoleErrors: string[];
  exceptions: string[];
  /** Every request the page tried that was not file: or data: (all blocked). */
  networkRequests: string[];
}

/**
 * Opens a local HTML file in a new tab with every http(s)/ws request blocked, collecting console errors,
 * uncaught exceptions and attempted network requests. Resolves after the load event.
 */
export async function openPage({ browser, file, width = 1000, height = 1400 }: { browser: CdpSession; file: string; width?: number; height?: number }): Promise<{ sessionId: string; log: PageLog }> {
  const { targetId } = (await browser.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
  const { sessionId } = (await browser.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
  const log: PageLog = { consoleErrors: [], exceptions: [], networkRequests: [] };
  browser.on('Runtime.consoleAPICalled', (params, from) => {
    if (from !== sessionId || (params.type !== 'error' && params.type !== 'assert')) return;
    log.consoleErrors.push(((params.args as Array<{ value?: unknown; description?: string }>) ?? []).map((arg) => String(arg.value ?? arg.description ?? '')).join(' '));
  });
  browser.on('Runtime.exceptionThrown', (params, from) => {
    if (from !== sessionId) return;
    const details = params.exceptionDetails as { text?: string; exception?: { description?: string } };
    log.exceptions.push(details.exception?.description ?? details.text ?? 'exception');
  });
  browser.on('Log.entryAdded', (params, from) => {
    const entry = params.entry as { level: string; text: string; source: string };
    if (from === sessionId && entry.level === 'error') log.consoleErrors.push(`${entry.source}: ${entry.text}`);
  });
  browser.on('Network.requestWillBeSent', (params, from) => {
    const url = (params.request as { url: string }).url;
    if (from === sessionId && !/^(file|data|about):/.test(url)) log.networkRequests.push(url);
  });
  await browser.send('Runtime.enable', {}, sessionId);
  await browser.send('Log.enable', {}, sessionId);
  await browser.send('Page.enable', {}, sessionId);
  await browser.send('Network.enable', {}, sessionId);
  await browser.send('Network.setBlockedURLs', { urls: ['http://*', 'https://*', 'ws://*', 'wss://*'] }, sessionId);
  await browser.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false }, sessionId);
  const loaded = browser.waitFor('Page.loadEventFired', sessionId);
  await browser.send('Page.navigate', { url: pathToFileURL(file).href }, sessionId);
  await loaded;
  return { sessionId, log };
}
