import { describe, expect, it } from 'vitest';
import { CleanupStack } from '../../stack/index.ts';
import { remoteStack, stackPodUrls } from './remoteStack.ts';

describe('the stack pod as the conductor reaches it', () => {
  it('finds Toxiproxy, the mocks the scenario serves and the client at the Service\'s fixed ports', () => {
    expect(stackPodUrls({ stackHost: 'stack.thap.svc', services: ['ehospital', 'sms'] })).toEqual({
      toxiproxyApi: 'http://stack.thap.svc:8474',
      mockUrls: { ehospital: 'http://stack.thap.svc:22101', sms: 'http://stack.thap.svc:22104' },
      clientUrl: 'http://stack.thap.svc:22080',
    });
  });

  it('with client regions, checks and drains each region\'s client and faults each region\'s proxies', async () => {
    const urls = stackPodUrls({ stackHost: 's', services: ['icmr'], regions: [{ name: 'lucknow' }, { name: 'tirupati' }] });
    expect(urls.regions).toEqual([{ region: 'lucknow', clientUrl: 'http://s:22201' }, { region: 'tirupati', clientUrl: 'http://s:22202' }]);
    const handle = await remoteStack({ ...urls, mocksDir: '/nowhere' })({ runDir: '/nowhere', cleanup: new CleanupStack(), log: () => undefined });
    expect(handle.clients).toEqual([{ region: 'lucknow', url: 'http://s:22201' }, { region: 'tirupati', url: 'http://s:22202' }]);
    expect(handle.regionProxies).toEqual({ lucknow: { icmr: 'icmr-lucknow' }, tirupati: { icmr: 'icmr-tirupati' } });
    expect(handle.harness.probes).toEqual([{ process: 'mocks', url: 'http://s:22102/__admin/health' }, { process: 'toxiproxy', url: 'http://s:8474/version' }]);
  });
});
