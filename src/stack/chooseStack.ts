import { assertDockerAvailable, isDockerAvailable } from './container/dockerAvailable.ts';
import { locateTool } from './tools/locateTool.ts';
import type { ToolLookupOptions } from './tools/types.ts';

/** Where a run's stack (Toxiproxy, the NIC mocks, the client) runs: `thap run --stack`. */
export type StackRequest = 'local' | 'docker' | 'auto';
export type StackKind = 'local' | 'docker';

export interface StackChoice {
  kind: StackKind;
  /** One line for the run's log: why this provider. */
  reason: string;
}

export interface StackProbes {
  /** True when k6 and the Toxiproxy server are found (flag, env, PATH or cache) without building anything. */
  toolsFound: () => Promise<boolean>;
  /** True when a container runtime answers. */
  dockerWorks: () => Promise<boolean>;
  /** Throws the one clear "Docker not available" HarnessError (exit 3) when none answers. */
  assertDocker: () => Promise<void>;
}

/**
 * Picks the stack provider. `local` (the default) starts the binaries as processes; `docker` starts
 * Toxiproxy, the mocks and the client as containers (testcontainers) and fails at once, before any run
 * directory, with "Docker not available: ..." when there is no runtime; `auto` takes docker only when Docker
 * works and the binaries are missing, else local (which builds the binaries or says how to get them).
 */
export async function chooseStack({ requested, probes }: { requested: StackRequest; probes: StackProbes }): Promise<StackChoice> {
  if (requested === 'local') return { kind: 'local', reason: 'local processes (--stack local)' };
  if (requested === 'docker') {
    await probes.assertDocker();
    return { kind: 'docker', reason: 'containers (--stack docker)' };
  }
  if (await probes.toolsFound()) return { kind: 'local', reason: 'local processes (--stack auto: k6 and Toxiproxy found)' };
  if (await probes.dockerWorks()) return { kind: 'docker', reason: 'containers (--stack auto: k6 or Toxiproxy missing, Docker works)' };
  return { kind: 'local', reason: 'local processes (--stack auto: binaries missing and Docker not available; building them)' };
}

/** The real probes: thap's tool lookup (no builds) and testcontainers' runtime check. */
export function realStackProbes(options: ToolLookupOptions = {}): StackProbes {
  return {
    toolsFound: async () => {
      const [k6, toxiproxy] = await Promise.all([locateTool({ name: 'k6', ...options }), locateTool({ name: 'toxiproxy', ...options })]);
      return Boolean(k6 && toxiproxy);
    },
    dockerWorks: () => isDockerAvailable(),
    assertDocker: () => assertDockerAvailable(),
  };
}
