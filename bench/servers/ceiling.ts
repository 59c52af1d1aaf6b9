import { createServer } from 'node:http';
import { HttpResponse } from 'msw';
import { listenAndAnnounce } from './announce.ts';
import { writeFetchResponse } from './writeFetchResponse.ts';

/**
 * The Fetch-object ceiling (issue 4): a node:http server that only builds the `Request` an MSW handler gets
 * (method, headers, body) and the `HttpResponse` it returns, and reads that response back to write it. No
 * server that hands MSW handlers real Fetch objects on Node 20 can beat it.
 */
const payload = { uhid: '123400000001', visitId: 'V123400000001', appointmentNo: 'MED-0001', tokenNo: 1, newPatient: true };
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', async () => {
    const request = new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body: Buffer.concat(chunks).toString('utf8') });
    void request;
    await writeFetchResponse(res, HttpResponse.json(payload, { status: 201 }));
  });
});
listenAndAnnounce(server);
