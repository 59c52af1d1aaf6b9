import { describe, expect, it } from 'vitest';
import { HarnessError } from '../../core/index.ts';
import { docker as runDocker } from './images/docker.ts';
import { containerImages } from './layout.ts';
import { startContainerStack } from './startContainerStack.ts';
import { dockerReadiness } from '../../../test/support/dockerReadiness.ts';

// The container stack on the real engine (startContainerStack.test.ts has the checks that need none). It needs
// the images here (`thap tools install --images`): a test never pulls. Skipped with the reason elsewhere.
const docker = await dockerReadiness({ images: [containerImages.toxiproxy, containerImages.node] });

describe('container stack (needs a Docker engine and the images)', () => {
  it.skipIf(!docker.ready)(
    `starts Toxiproxy with its proxies, the mocks and the naive client, reachable from the host ${docker.reason}`,
    async () => {
      const stack = await startContainerStack({ seed: 7 });
      try {
        const proxies = (await (await fetch(`${stack.toxiproxyApiUrl}/proxies`)).json()) as Record<string, unknown>;
        expect(Object.keys(proxies)).toEqual(expect.arrayContaining(['ehospital', 'payment', 'direct-client']));
        const health = await fetch(`${stack.mockUrls.ehospital}/__admin/health`);
        expect(await health.json()).toMatchObject({ ok: true, service: 'ehospital' });
        const client = await fetch(`${stack.clientUrl}/health`);
        expect(client.ok).toBe(true);
      } finally {
        await stack.stop();
      }
    },
    300_000,
  );

  it.skipIf(!docker.ready)(`an image that cannot be had: one line naming it and the fix, exit 3, nothing left running ${docker.reason}`, async () => {
    const label = `missing-image-${process.pid}-${Date.now()}`;
    const error = (await startContainerStack({ client: { command: ['true'], image: 'thap-test/not-anywhere:0' }, labels: { 'thap.test': label } }).catch((caught: unknown) => caught)) as HarnessError;
    expect(error).toBeInstanceOf(HarnessError);
    expect(error.exitCode).toBe(3);
    expect(error.message).toMatch(/^cannot pull the image thap-test\/not-anywhere:0 \(.+\); fix: load it without a registry: /);
    expect(error.message).not.toContain('\n');
    const left = await runDocker(['ps', '-aq', '--filter', `label=thap.test=${label}`]);
    expect(left.code).toBe(0);
    expect(left.stdout.trim()).toBe('');
  }, 300_000);
});
