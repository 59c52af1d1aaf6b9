import { z } from 'zod';
import { errorResponse } from '../../http/errorResponse.ts';
import { jsonResponse } from '../../http/jsonResponse.ts';
import { parseBody } from '../../http/parseBody.ts';
import { defineRoute, type MockRoute } from '../../http/route.ts';
import { abhaNumberSchema } from '../../shared/fields.ts';
import { checkAbdmHeaders } from '../headers.ts';
import { profileFor } from '../profile.ts';

const searchSchema = z.object({ abhaNumber: abhaNumberSchema });

/** `POST /api/hiecm/v3/abha/search`: the ABHA profile of a number, or 404 `ABDM-1114` (no ABHA account [14]). */
export function abhaSearchRoute(): MockRoute {
  return defineRoute({
    service: 'abdm',
    method: 'POST',
    path: '/api/hiecm/v3/abha/search',
    session: true,
    summary: 'ABHA search by ABHA number',
    async resolve({ request }) {
      const badHeaders = checkAbdmHeaders(request);
      if (badHeaders) return badHeaders;
      const parsed = await parseBody({ request, service: 'abdm', schema: searchSchema });
      if (!parsed.ok) return parsed.response;
      const profile = profileFor(parsed.data.abhaNumber);
      if (!profile) return errorResponse({ status: 404, service: 'abdm', code: 'ABDM-1114', message: 'No ABHA account found for the given ABHA number' });
      return jsonResponse(200, profile);
    },
  });
}
