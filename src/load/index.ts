// load: the k6 script and data from the plan, the harness endpoint the script calls, and running k6. The
// public face other layers import.
export { buildLoad, type Load } from './buildLoad.ts';
export { planRun } from './planRun.ts';
export { k6ScriptEnv, prepareK6, scriptDataFile, writeK6Files } from './prepareK6.ts';
export { k6EntryFile, k6ScriptFiles } from './k6ScriptFiles.ts';
export { startHarnessEndpoint } from './startHarnessEndpoint.ts';
export { startK6Segments } from './startK6Segments.ts';

export { buildVendorRequest, type VendorRequest } from './vendor/buildVendorRequest.ts';
export { readVendorReply, type ReadReply } from './vendor/readVendorReply.ts';
export { contractStepsSent } from './contractStepsSent.ts';
