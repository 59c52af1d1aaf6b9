// A bad client for tests: listens, but `GET /health` answers 503 for ever (thap must give up and say so).
import { route, startJsonServer } from '../shared/jsonServer.ts';
import { runClient } from '../shared/runClient.ts';

await runClient({
  name: 'bad-never-healthy',
  start: (config) =>
    startJsonServer({
      port: config.port,
      routes: [route('GET /health', () => ({ status: 503, body: { ok: false, reason: 'still warming up (for ever)' } }))],
    }),
});
