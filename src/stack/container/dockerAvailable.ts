import { HarnessError } from '../../core/index.ts';

type Testcontainers = typeof import('testcontainers');

/**
 * Loads testcontainers only when a container is wanted, so a machine without Docker never loads it
 * (and its dependency tree stays out of every other command's start-up).
 */
export async function loadTestcontainers(): Promise<Testcontainers> {
  return import('testcontainers');
}

/** Turns testcontainers' "no runtime" error into one clear HarnessError; other errors pass through. */
export function dockerUnavailableError(error: unknown): HarnessError | undefined {
  const message = error instanceof Error ? error.message : String(error);
  if (!/Could not find a working container runtime strategy/i.test(message)) return undefined;
  return new HarnessError(
    'Docker not available: testcontainers found no working container runtime (no DOCKER_HOST, no reachable ' +
      '/var/run/docker.sock, no Docker Desktop or Podman socket); fix: start the Docker engine (check `docker info`, ' +
      'or `thap doctor`), set DOCKER_HOST, or use the local stack instead (`thap tools install`)',
    { code: 'THAP_DOCKER_UNAVAILABLE', cause: error },
  );
}

/**
 * Throws the clear "Docker not available" HarnessError when no container runtime answers; resolves when one
 * does. `load` is replaceable for tests.
 */
export async function assertDockerAvailable({ load = loadTestcontainers }: { load?: () => Promise<Pick<Testcontainers, 'getContainerRuntimeClient'>> } = {}): Promise<void> {
  const { getContainerRuntimeClient } = await load();
  try {
    await getContainerRuntimeClient();
  } catch (error) {
    throw dockerUnavailableError(error) ?? error;
  }
}

/** True when a container runtime answers (for `it.skipIf(!dockerAvailable)` in tests). */
export async function isDockerAvailable(): Promise<boolean> {
  try {
    await assertDockerAvailable();
    return true;
  } catch {
    return false;
  }
}
