/**
 * thap as a library for users' own test suites (vitest, jest): NIC mocks behind a real Toxiproxy, faults by
 * name, the ledger. docs/library.md shows a complete test.
 */
export { startNicStack, type NicStack, type AppliedFault, type StartNicStackOptions } from './startNicStack.ts';
export { knownFaultKinds } from '../scenario/index.ts';
export { serviceNames, type ServiceName } from '../contract/index.ts';
export type { LedgerEntry, MocksConfig } from '../../mocks/index.ts';
export { ensureTools, ensureTool, locateTool } from '../stack/tools/index.ts';
export { startContainerStack, isDockerAvailable } from '../stack/container/index.ts';
