import type { ServiceName } from '../src/contract/index.ts';

/**
 * Every route of every mock service as `METHOD /path` (docs/nic-mocks.md), as plain data: the scenario layer
 * checks a fault's `route` and `method` against it without loading the mocks. routeCatalogue.test.ts pins
 * it to the routes the services actually serve, so adding a route means adding its line here.
 */
export const routeCatalogue: Readonly<Record<ServiceName, readonly string[]>> = {
  ehospital: [
    'POST /ehospital/v1/sessions',
    'GET /ehospital/v1/patients',
    'POST /ehospital/v1/registrations',
    'GET /ehospital/v1/visits/:visitId',
    'POST /ehospital/v1/bills',
    'GET /ehospital/v1/bills/:billId',
    'POST /ehospital/v1/lab-orders',
    'POST /ehospital/v1/lab-orders/:orderId/samples',
    'POST /ehospital/v1/samples/:barcode/collection',
    'GET /ehospital/v1/samples/:barcode',
    'GET /ehospital/v1/reports/:orderId',
  ],
  icmr: [
    'POST /icmr/v1/sessions',
    'POST /icmr/v1/srfs',
    'GET /icmr/v1/patients',
    'GET /icmr/v1/srfs/:srfId',
    'POST /icmr/v1/consignments',
    'GET /icmr/v1/labs/:labId/srfs/:srfId',
    'POST /icmr/v1/results',
  ],
  abdm: ['POST /api/hiecm/gateway/v3/sessions', 'POST /api/hiecm/v3/abha/search', 'POST /api/hiecm/patient-share/v3/share', 'GET /api/hiecm/patient-share/v3/requests/:requestId'],
  sms: ['POST /sms/v1/otp/send', 'POST /sms/v1/otp/verify', 'POST /sms/v1/messages', 'GET /sms/v1/inbox/:mobile'],
  payment: ['POST /payment/v1/qr', 'GET /payment/v1/qr/:qrId', 'POST /payment/v1/qr/:qrId/pay'],
};

/** The routes of a service a fault target matches (its route pattern and/or method; every route when neither). */
export function routesMatching({ service, route, method }: { service: ServiceName; route?: string; method?: string }): string[] {
  return routeCatalogue[service].filter((entry) => {
    const [entryMethod, entryPath] = entry.split(' ') as [string, string];
    return (route === undefined || entryPath === route) && (method === undefined || entryMethod === method);
  });
}
