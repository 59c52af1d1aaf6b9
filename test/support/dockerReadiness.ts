import { isDockerAvailable } from '../../src/stack/container/dockerAvailable.ts';
import { docker, inspectImage } from '../../src/stack/container/images/docker.ts';

export type Readiness = { ready: true; reason: '' } | { ready: false; reason: string };

/**
 * Whether a test that needs Docker can run here: an engine answers, the images it starts are present (tests
 * never pull), and, when asked, `docker compose` answers. `reason` says what is missing and how to get it,
 * for the skipped test's name.
 */
export async function dockerReadiness({ images = [], compose = false }: { images?: readonly string[]; compose?: boolean } = {}): Promise<Readiness> {
  if (!(await isDockerAvailable())) return { ready: false, reason: 'skipped: no Docker engine answers (scripts/docker-engine.sh starts one)' };
  const missing: string[] = [];
  for (const image of images) if (!(await inspectImage(image)).present) missing.push(image);
  if (missing.length > 0) return { ready: false, reason: `skipped: images missing: ${missing.join(', ')} (\`thap tools install --images\`)` };
  if (compose && (await docker(['compose', 'version'], { timeoutMs: 20_000 })).code !== 0) {
    return { ready: false, reason: 'skipped: `docker compose` does not answer (`thap tools install --compose`)' };
  }
  return { ready: true, reason: '' };
}
