import { Agent, request } from 'node:http';

/**
 * Times `count` POSTs of a small JSON body to `url` (ms each, send to last byte), `concurrency` at a time
 * over keep-alive connections: the plain node client of the latency check.
 */
export async function timeRequests({ url, count, concurrency, agent }: { url: string; count: number; concurrency: number; agent: Agent }): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  const body = JSON.stringify({ patient: { name: 'Synthetic Patient' } });
  const one = () =>
    new Promise<number>((resolve, reject) => {
      const started = performance.now();
      const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.once('end', () => resolve(performance.now() - started));
        res.once('error', reject);
      });
      req.once('error', reject);
      req.end(body);
    });
  const worker = async () => {
    while (next < count) {
      next += 1;
      times.push(await one());
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return times;
}
