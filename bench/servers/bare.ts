import { createServer } from 'node:http';
import { listenAndAnnounce } from './announce.ts';

/** The bare node:http server: reads the body and answers the same JSON a registration gets. */
const body = JSON.stringify({ uhid: '123400000001', visitId: 'V123400000001', appointmentNo: 'MED-0001', tokenNo: 1, newPatient: true });
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(201, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
    res.end(body);
  });
});
listenAndAnnounce(server);
