import { afterEach, describe, expect, it } from 'vitest';
import { startSink } from '../../test/support/mocks/sink.ts';
import { callbackTarget } from './callbackTarget.ts';
import type { PostOutcome } from './postCallback.ts';
import { WorkerPoster } from './workerPoster.ts';

const post = (poster: WorkerPoster, url: string, payload: string, headers?: Record<string, string>) =>
  new Promise<PostOutcome>((resolve) => poster.post({ target: callbackTarget(url), payload, headers, onDone: resolve }));

describe('WorkerPoster', () => {
  const closers: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  it('sends from the serving thread until the worker is ready, then from the worker, in batches', async () => {
    const sink = await startSink();
    const poster = new WorkerPoster(5000);
    closers.push(() => sink.close(), () => poster.close());
    expect(await post(poster, `${sink.url}/early`, '{"n":0}')).toEqual({ status: 200, error: null });
    expect(poster.sent).toEqual({ inline: 1, worker: 0 });
    await poster.warm();
    // Posted in one tick: handed over as one batch, each outcome reported once to its own job.
    const outcomes = await Promise.all(Array.from({ length: 50 }, (_, n) => post(poster, `${sink.url}/cb/${n}?q=1`, JSON.stringify({ n }), { 'X-N': String(n) })));
    expect(outcomes.every((outcome) => outcome.status === 200 && outcome.error === null)).toBe(true);
    expect(poster.sent).toEqual({ inline: 1, worker: 50 });
    const received = await sink.waitFor(51);
    const fromWorker = received.filter((request) => request.path.startsWith('/cb/'));
    expect(fromWorker).toHaveLength(50);
    for (const request of fromWorker) {
      const n = (request.body as { n: number }).n;
      expect(request.path).toBe(`/cb/${n}?q=1`);
      expect(request.headers['x-n']).toBe(String(n));
      expect(request.headers['content-type']).toBe('application/json');
    }
  });

  it('reports a connection error from the worker', async () => {
    const poster = new WorkerPoster(5000);
    closers.push(() => poster.close());
    await poster.warm();
    const outcome = await post(poster, 'http://127.0.0.1:1/cb', '{}');
    expect(outcome.status).toBeNull();
    expect(outcome.error).toMatch(/ECONNREFUSED/);
    expect(poster.sent.worker).toBe(1);
  });

  it('when the worker dies, records what it held as failed and sends the rest from the serving thread', async () => {
    const sink = await startSink();
    const poster = new WorkerPoster(5000, new URL('./crashingWorker.fixture.ts', import.meta.url));
    closers.push(() => sink.close(), () => poster.close());
    await poster.warm();
    const lost = await post(poster, `${sink.url}/lost`, '{}');
    expect(lost.status).toBeNull();
    expect(lost.error).toMatch(/callback worker (failed|exited)/);
    expect(await post(poster, `${sink.url}/after`, '{}')).toEqual({ status: 200, error: null });
    expect(poster.sent).toEqual({ inline: 1, worker: 1 });
    expect((await sink.waitFor(1)).map((request) => request.path)).toEqual(['/after']);
  });

  it('sends nothing after close()', async () => {
    const sink = await startSink();
    const poster = new WorkerPoster(5000);
    closers.push(() => sink.close());
    await poster.warm();
    let reported = false;
    poster.post({ target: callbackTarget(`${sink.url}/cb`), payload: '{}', headers: undefined, onDone: () => (reported = true) });
    await poster.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sink.received).toHaveLength(0);
    expect(reported).toBe(false);
  });
});
