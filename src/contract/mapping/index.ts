export { loadVendorMapping, parseVendorMapping } from './loadVendorMapping.ts';
export { defineVendorMapping, vendorMappingSchema, type VendorMapping, type VendorMappingInput, type StepMapping } from './schema.ts';
