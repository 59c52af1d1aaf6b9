import { correlationIdHeader } from '../../src/contract/headers.ts';
import type { ServiceName } from '../../src/contract/services.ts';

export interface HotWrite {
  service: ServiceName;
  path: string;
  body: string;
  headers?: Record<string, string>;
}

/**
 * Each service's hottest write route (the one a run calls most: traffic.md T1 registrations, T4 SRFs), with
 * a valid synthetic body. `sink` is a loopback URL that answers callbacks.
 */
export function hotWrites(sink: string): HotWrite[] {
  const patient = { name: 'Sita Maurya', gender: 'F', age: 34, mobile: '9876500001', district: 'Lucknow', pin: '226003' };
  return [
    { service: 'ehospital', path: '/ehospital/v1/registrations', body: JSON.stringify({ patient, department: 'Medicine', visitType: 'new' }), headers: { [correlationIdHeader]: 'bench-1' } },
    { service: 'icmr', path: '/icmr/v1/srfs', body: JSON.stringify({ patient, specimenType: 'nasopharyngeal', collectedAt: '2021-04-20T10:15:00Z' }) },
    {
      service: 'abdm',
      path: '/api/hiecm/patient-share/v3/share',
      body: JSON.stringify({ hipId: 'KGMU-HIP', counterId: 'C1', abhaNumber: '91-1234-5678-9012', callbackUrl: `${sink}/on-share` }),
      headers: { 'REQUEST-ID': '3fa85f64-5717-4562-b3fc-2c963f66afa6', TIMESTAMP: '2024-05-01T10:00:00.000Z', 'X-CM-ID': 'sbx' },
    },
    { service: 'sms', path: '/sms/v1/otp/send', body: JSON.stringify({ mobile: '9876500001', purpose: 'registration' }) },
    { service: 'payment', path: '/payment/v1/qr', body: JSON.stringify({ orderRef: 'OPD-1', amountPaise: 1000, callbackUrl: `${sink}/webhook` }) },
  ];
}
