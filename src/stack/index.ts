// stack: finds the tools, starts and stops the processes of a run (mocks, Toxiproxy, the client, k6's
// helpers) and guards them. The public face other layers import; stack/tools/index.ts and
// stack/container/index.ts (which loads testcontainers) are the faces of its two parts.
export { checkClientHealth } from './checkClientHealth.ts';
export { chooseStack, realStackProbes, type StackRequest } from './chooseStack.ts';
export { CleanupStack } from './cleanupStack.ts';
export { clientEnvironment, containerImages, directClientPort, directForwards, directMockPorts, harnessForwardPort, proxyPorts, toxiproxyApiPort, toxiproxyProxies } from './container/layout.ts';
export { exitDetail } from './exitDetail.ts';
export { findFreePort } from './findFreePort.ts';
export { endProcessGroups, isOurs, type GuardedProcess } from './lifeline/endProcessGroups.ts';
export { processRunning, processStartTime } from './lifeline/processStartTime.ts';
export { removeLabelledContainers } from './lifeline/removeLabelledContainers.ts';
export { startWatchdog } from './lifeline/startWatchdog.ts';
export { LIFELINE_FD_ENV, watchLifeline } from './lifeline/watchLifeline.ts';
export { startProcess, type ManagedProcess, type ProcessExit, type ProcessGuard } from './managedProcess.ts';
export { regionProxyName } from './regionProxyName.ts';
export { startClient } from './startClient.ts';
export { startDockerStack } from './startDockerStack.ts';
export { startMocksProcess } from './startMocksProcess.ts';
export { proxyServices, startToxiproxy, type RunningToxiproxy } from './startToxiproxy.ts';
export { resolveCacheDir } from './tools/cacheDir.ts';
export { formatDoctor } from './tools/doctor/formatDoctor.ts';
export { runDoctor } from './tools/doctor/runDoctor.ts';
export { ensureTool } from './tools/ensureTools.ts';
export { formatToolTable } from './tools/formatTools.ts';
export { toolPins } from './tools/pins.ts';
export type { ToolInfo } from './tools/types.ts';

