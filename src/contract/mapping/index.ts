export { buildVendorRequest, type VendorRequest } from './buildVendorRequest.ts';
export { readVendorReply, type ReadReply } from './readVendorReply.ts';
export { loadVendorMapping, parseVendorMapping } from './loadVendorMapping.ts';
export { defineVendorMapping, vendorMappingSchema, type VendorMapping, type VendorMappingInput, type StepMapping } from './schema.ts';
