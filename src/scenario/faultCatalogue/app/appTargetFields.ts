import { z } from 'zod';

/** Which requests an application fault hits, and how often: written beside the kind's own fields. */
export const appTargetFields = {
  /** Route pattern of the mock service, e.g. `/ehospital/v1/registrations` (docs/nic-mocks.md); all routes when absent. */
  route: z.string().startsWith('/', 'route is a path of the service, starting with "/"').optional(),
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).optional(),
  /** Share of matching requests the fault hits, 0..1, rolled per request with the mocks' seeded random source. */
  rate: z.number().min(0, 'rate is a probability from 0 to 1').max(1, 'rate is a probability from 0 to 1').default(1),
};
