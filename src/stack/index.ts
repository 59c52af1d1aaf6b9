// stack: finds the tools, starts and stops the processes of a run (mocks, Toxiproxy, the client, k6's
// helpers) and guards them. The public face other layers import; stack/tools/index.ts and
// stack/container/index.ts (which loads testcontainers) are the faces of its two parts.
export { checkClientHealth } from './checkClientHealth.ts';
export { checkProxiesForward } from './checkProxiesForward.ts';
export { chooseStack, realStackProbes, type StackRequest } from './chooseStack.ts';
export { CleanupStack } from './cleanupStack.ts';
export { ensureImages, type ImageResult } from './container/images/ensureImages.ts';
export { clientEnvironment, clientPort, containerImages, directClientPort, directForwards, directMockPorts, harnessForwardPort, mockPorts, proxyPorts, toxiproxyApiPort, toxiproxyProxies } from './container/layout.ts';
export { exitDetail } from './exitDetail.ts';
export { findFreePort } from './findFreePort.ts';
export { startProcess, type ManagedProcess, type ProcessExit, type ProcessGuard } from './managedProcess.ts';
export { regionProxyName } from './regionProxyName.ts';
export { startClient } from './startClient.ts';
export { startDockerStack } from './startDockerStack.ts';
export { mocksConfigOf } from './mocksConfigOf.ts';
export { startMocksProcess } from './startMocksProcess.ts';
export { proxyServices, startToxiproxy, type RunningToxiproxy } from './startToxiproxy.ts';
export { toxiproxyLogLevel } from './toxiproxyLogLevel.ts';
export * from './tools/index.ts';
