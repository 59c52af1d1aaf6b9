// A bad client for tests: healthy, but answers every journey request with something the contract does not
// allow, in turn: plain text, HTML, `done` without ids, an unknown status, and an empty 200.
import http from 'node:http';
import { runClient } from '../shared/runClient.ts';

const answers: Array<{ status: number; type: string; body: string }> = [
  { status: 200, type: 'text/plain', body: 'OK' },
  { status: 200, type: 'text/html', body: '<html><body>Registration saved</body></html>' },
  { status: 200, type: 'application/json', body: '{"status":"done"}' },
  { status: 200, type: 'application/json', body: '{"status":"maybe","correlationId":"?"}' },
  { status: 200, type: 'application/json', body: '' },
];

await runClient({
  name: 'bad-answers-garbage',
  start: async (config) => {
    let turn = 0;
    const server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        if (req.url === '/health') {
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
          return;
        }
        const answer = answers[turn++ % answers.length]!;
        res.writeHead(answer.status, { 'content-type': answer.type }).end(answer.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(config.port, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    return {
      url: `http://127.0.0.1:${port}`,
      port,
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  },
});
