import { jsonResponse } from '../../http/jsonResponse.ts';
import { notFound } from '../../http/notFound.ts';
import { parseBody } from '../../http/parseBody.ts';
import { defineRoute, type MockRoute } from '../../http/route.ts';
import type { ServiceRuntime } from '../../runtime.ts';
import { collectionSchema } from '../schemas.ts';
import type { EhospitalState } from '../state.ts';

/** `POST /ehospital/v1/samples/:barcode/collection`: the sample was drawn; a repeat answers the first collection. */
export function collectionRoute(runtime: ServiceRuntime, state: EhospitalState): MockRoute {
  return defineRoute({
    service: 'ehospital',
    method: 'POST',
    path: '/ehospital/v1/samples/:barcode/collection',
    write: true,
    session: true,
    summary: 'mark a sample collected',
    async resolve({ request, params, meta }) {
      const sample = state.samples.get(params.barcode!);
      if (!sample) return notFound('ehospital', 'sample', params.barcode!);
      const parsed = await parseBody({ request, service: 'ehospital', schema: collectionSchema });
      if (!parsed.ok) return parsed.response;
      if (sample.status !== 'collected') {
        const now = runtime.now();
        if (runtime.recordWrite({ meta, entity: 'collection', id: sample.barcode, businessKey: `collection|${sample.barcode}` })) {
          sample.status = 'collected';
          sample.collectedAt = now;
        }
      }
      return jsonResponse(200, { barcode: sample.barcode, status: 'collected', collectedAt: new Date(sample.collectedAt ?? runtime.now()).toISOString() });
    },
  });
}

/** `GET /ehospital/v1/samples/:barcode`: collection status of a sample. */
export function sampleStatusRoute(state: EhospitalState): MockRoute {
  return defineRoute({
    service: 'ehospital',
    method: 'GET',
    path: '/ehospital/v1/samples/:barcode',
    session: true,
    summary: 'collection status of a sample',
    resolve({ params }) {
      const sample = state.samples.get(params.barcode!);
      return sample ? jsonResponse(200, sample) : notFound('ehospital', 'sample', params.barcode!);
    },
  });
}
