import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../scenario/schema.ts';
import { CleanupStack } from './cleanupStack.ts';
import type { ContainerStack, StartContainerStackOptions } from './container/startContainerStack.ts';
import { startDockerStack } from './startDockerStack.ts';

const scenario = scenarioSchema.parse({
  name: 'docker-wiring',
  seed: 9,
  client: { command: ['node', 'my-client.js'], env: { MODE: 'x' } },
  services: { ehospital: { idempotency: false } },
  clock: { start: '09:00', duration: '1m', speed: 60 },
  traffic: [{ kind: 'constant', journey: 'opd-registration', ratePerSecond: 1 }],
});

function fakeStack(seen: StartContainerStackOptions[], stopped: string[]) {
  return async (options: StartContainerStackOptions): Promise<ContainerStack> => {
    seen.push(options);
    const all = { ehospital: 'http://localhost:32101', icmr: 'http://localhost:32102', abdm: 'http://localhost:32103', sms: 'http://localhost:32104', payment: 'http://localhost:32105' };
    return {
      toxiproxyApiUrl: 'http://localhost:38474',
      ...(options.client ? { clientUrl: 'http://localhost:32080' } : {}),
      mockUrls: all,
      proxiedUrls: { ehospital: 'http://127.0.0.1:21001', icmr: 'http://127.0.0.1:21002', abdm: 'http://127.0.0.1:21003', sms: 'http://127.0.0.1:21004', payment: 'http://127.0.0.1:21005' },
      reaper: 'labels',
      stop: async () => void stopped.push('stack'),
    };
  };
}

describe('startDockerStack', () => {
  it('starts the container stack with the scenario (seed, mocks config, time scale, client) and stops it with the run', async () => {
    const seen: StartContainerStackOptions[] = [];
    const stopped: string[] = [];
    const cleanup = new CleanupStack();
    const stack = await startDockerStack({ scenario, runDir: '/tmp/run-x', cleanup, start: fakeStack(seen, stopped) });
    expect(seen[0]).toMatchObject({ runDir: '/tmp/run-x', seed: 9, timeScale: 60, mocksConfig: { services: { ehospital: { idempotency: false } } }, client: { command: ['node', 'my-client.js'], env: { MODE: 'x' } } });
    // Only the scenario's services are the run's: faults and app-fault admin calls go to those.
    expect(stack.mockUrls).toEqual({ ehospital: 'http://localhost:32101' });
    expect(stack.proxied).toEqual({ ehospital: 'http://127.0.0.1:21001' });
    expect(stack.clientUrl).toBe('http://localhost:32080');
    expect(stack.toxiproxy.apiUrl).toBe('http://localhost:38474');
    expect(stopped).toEqual([]);
    await cleanup.runAll();
    expect(stopped).toEqual(['stack']);
  });

  it('starts no client container for --target and sends load to the target', async () => {
    const seen: StartContainerStackOptions[] = [];
    const stack = await startDockerStack({ scenario, runDir: '/tmp/run-y', clientUrl: 'http://127.0.0.1:9000', cleanup: new CleanupStack(), start: fakeStack(seen, []) });
    expect(seen[0]?.client).toBeNull();
    expect(stack.clientUrl).toBe('http://127.0.0.1:9000');
  });
});
