export { ensureTools, ensureTool, type EnsuredTools } from './ensureTools.ts';
export { locateTool } from './locateTool.ts';
export { resolveCacheDir, cacheBinDir } from './cacheDir.ts';
export { findGo, type GoInfo } from './findGo.ts';
export { toolPins, toolNames, type ToolPin, type ToolName } from './pins.ts';
export type { ToolInfo, ToolSource, ToolLookupOptions } from './types.ts';
export { formatToolTable } from './formatTools.ts';
export { formatDoctor } from './doctor/formatDoctor.ts';
export { runDoctor } from './doctor/runDoctor.ts';
