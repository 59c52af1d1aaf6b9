import { createServer } from 'node:http';
import { listenAndAnnounce } from '../servers/announce.ts';
import { correlationIdHeader } from '../../src/contract/headers.ts';

/**
 * The bare target of the harness benches: a node:http server that reads each request's body and answers
 * the client contract's `done` (docs/client-contract.md) for every POST, echoing the correlation id; GET
 * /health answers 200. Nothing else: whatever limits a run against it is k6 or thap, not the target.
 */
const correlationKey = correlationIdHeader.toLowerCase();

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const correlationId = req.headers[correlationKey] ?? '';
    const body = req.method === 'POST'
      ? JSON.stringify({ status: 'done', correlationId, nic: { uhid: 'U1', visitId: 'V1' } })
      : JSON.stringify({ ok: true });
    res.writeHead(req.method === 'POST' ? 201 : 200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
listenAndAnnounce(server);
