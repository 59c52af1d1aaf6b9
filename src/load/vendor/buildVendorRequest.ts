import { mappedRequest, fillVendorPath, type VendorRequest } from '../k6/vendorStep.ts';
import { contractSteps, type StepName, type VendorMapping } from '../../contract/index.ts';

export type { VendorRequest } from '../k6/vendorStep.ts';

/**
 * Turns one contract request (the body k6 would send, plus path parameters for GETs) into the vendor's
 * request. A step the mapping does not list is sent as the contract defines it. The mapped case is
 * src/load/k6/vendorStep.ts, which the k6 script carries.
 */
export function buildVendorRequest(args: {
  mapping: VendorMapping;
  step: StepName;
  request: Record<string, unknown>;
  correlationId: string;
}): VendorRequest {
  const stepMapping = args.mapping.steps[args.step];
  if (stepMapping) return mappedRequest({ stepMapping, correlationHeader: args.mapping.correlationHeader, request: args.request, correlationId: args.correlationId });
  const contract = contractSteps[args.step];
  const headers: Record<string, string> = { [args.mapping.correlationHeader]: args.correlationId };
  const path = fillVendorPath({ template: contract.path.replace(/:(\w+)/g, '{$1}'), request: args.request });
  return contract.method === 'GET' ? { method: 'GET', path, headers } : { method: contract.method, path, headers: { ...headers, 'content-type': 'application/json' }, body: args.request };
}
