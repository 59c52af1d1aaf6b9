import { field, type JourneyStep } from './journeyStep.ts';

/** Fetch report: `GET /lab/reports/:orderId` -> e-Hospital `GET /ehospital/v1/reports/:orderId` (`ready` -> `final`). */
export const fetchReportStep: JourneyStep = {
  step: 'fetchReport',
  route: 'GET /lab/reports/:orderId',
  service: 'ehospital',
  refs: ['orderId'],
  provides: [],
  queueable: false,
  toNic: ({ params }) => {
    const orderId = params.orderId;
    if (!orderId) return 'path must carry orderId';
    return { method: 'GET', path: `/ehospital/v1/reports/${encodeURIComponent(orderId)}`, write: false };
  },
  fromNic: (body) => {
    const orderId = field(body, 'orderId');
    const status = field(body, 'status');
    if (typeof orderId !== 'string' || (status !== 'ready' && status !== 'pending')) return `NIC answered an unreadable report (got ${JSON.stringify(body).slice(0, 200)})`;
    return { orderId, reportStatus: status === 'ready' ? 'final' : 'pending' };
  },
};
