import type { ToolLookupOptions } from '../types.ts';
import { checkChromium } from './checkChromium.ts';
import { checkDocker } from './checkDocker.ts';
import { checkGo } from './checkGo.ts';
import { checkNode } from './checkNode.ts';
import { checkTool } from './checkTool.ts';
import type { DoctorReport } from './types.ts';

/**
 * Checks everything thap can use: Node (required), Go, Toxiproxy, k6, Docker (the engine, not just the
 * client) and Chromium. Returns data; `thap doctor` prints it. Never builds or installs anything.
 */
export async function runDoctor(options: ToolLookupOptions & { chromiumPaths?: string[] } = {}): Promise<DoctorReport> {
  const env = options.env ?? process.env;
  const checks = [
    checkNode(),
    ...(await Promise.all([
      checkGo({ env }),
      checkTool({ name: 'toxiproxy', options }),
      checkTool({ name: 'k6', options }),
      checkDocker({ env }),
      checkChromium({ env, fixedPaths: options.chromiumPaths }),
    ])),
  ];
  return { checks, ok: checks.every((check) => !check.required || check.status === 'ok') };
}
