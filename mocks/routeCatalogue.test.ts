import { describe, expect, it } from 'vitest';
import { routeCatalogue, routesMatching } from './routeCatalogue.ts';
import { startMocks } from './index.ts';
import { serviceNames } from '../src/contract/services.ts';

describe('routeCatalogue', () => {
  it('lists exactly the routes each mock service serves (GET /__admin/routes)', async () => {
    const mocks = await startMocks({});
    try {
      for (const service of serviceNames) {
        const routes = (await (await fetch(`${mocks.urls[service]}/__admin/routes`)).json()) as Array<{ method: string; path: string }>;
        expect(routeCatalogue[service], service).toEqual(routes.map((route) => `${route.method} ${route.path}`));
      }
    } finally {
      await mocks.close();
    }
  });

  it('matches a target by route pattern, by method, by both, or every route', () => {
    expect(routesMatching({ service: 'icmr', route: '/icmr/v1/consignments' })).toEqual(['POST /icmr/v1/consignments']);
    expect(routesMatching({ service: 'icmr', route: '/icmr/v1/consignments', method: 'GET' })).toEqual([]);
    expect(routesMatching({ service: 'payment', method: 'GET' })).toEqual(['GET /payment/v1/qr/:qrId']);
    expect(routesMatching({ service: 'sms' })).toHaveLength(4);
    expect(routesMatching({ service: 'ehospital', route: '/ehospital/v1/registration' })).toEqual([]);
  });
});
