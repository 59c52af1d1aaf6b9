import { findOnPath } from '../findOnPath.ts';
import { runCommand } from '../runCommand.ts';
import type { DoctorCheck } from './types.ts';

const disables = 'the container stack (testcontainers provider) and docker-compose.yml';

/**
 * Docker counts only when the engine answers (`docker info`), not when the client alone is installed.
 */
export async function checkDocker({ env = process.env }: { env?: NodeJS.ProcessEnv } = {}): Promise<DoctorCheck> {
  const docker = findOnPath({ name: 'docker', env });
  if (!docker) return { name: 'docker', required: false, status: 'missing', disables, fix: 'install Docker Engine (https://docs.docker.com/engine/install/)' };
  const info = await runCommand({ command: docker, args: ['info', '--format', '{{.ServerVersion}}'], env, timeoutMs: 8_000 });
  const serverVersion = info.stdout.trim();
  if (info.code === 0 && serverVersion && !serverVersion.includes('<no value>')) {
    return { name: 'docker', required: false, status: 'ok', version: serverVersion, path: docker, detail: 'engine reachable' };
  }
  const reason = (info.error ?? info.stderr.trim().split('\n').at(-1) ?? '').trim() || `docker info exited ${info.code}`;
  return {
    name: 'docker',
    required: false,
    status: 'unreachable',
    path: docker,
    detail: `client installed, engine not reachable: ${reason}`,
    disables,
    fix: 'start the Docker daemon (or set DOCKER_HOST), then check `docker info`',
  };
}
