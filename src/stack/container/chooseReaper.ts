import { docker, inspectImage } from './images/docker.ts';

/** testcontainers 11.x's reaper image (node_modules/testcontainers/build/reaper/reaper.js; a test checks it). */
export const ryukImage = 'testcontainers/ryuk:0.14.0';

/** Who removes the containers if thap dies: testcontainers' reaper (ryuk), or thap's own cleanup by label. */
export type Reaper = 'ryuk' | 'labels';

let chosen: Promise<Reaper> | undefined;

/**
 * Uses testcontainers' reaper where its image is here or can be pulled; where it cannot (no registry), turns
 * it off (TESTCONTAINERS_RYUK_DISABLED=true, else every container start fails on the reaper's pull) and
 * leaves the clean-up to thap: the run's cleanup stack, its watchdog and `thap doctor --cleanup` remove
 * what carries the run's label (`thap.run=<id>`). Decided once per process; an explicit
 * TESTCONTAINERS_RYUK_DISABLED=true is kept.
 */
export function chooseReaper(env: NodeJS.ProcessEnv = process.env): Promise<Reaper> {
  chosen ??= (async () => {
    if (env.TESTCONTAINERS_RYUK_DISABLED === 'true') return 'labels';
    const image = env.RYUK_CONTAINER_IMAGE ?? ryukImage;
    if ((await inspectImage(image)).present) return 'ryuk';
    if ((await docker(['pull', image], { timeoutMs: 120_000 })).code === 0) return 'ryuk';
    env.TESTCONTAINERS_RYUK_DISABLED = 'true';
    return 'labels';
  })();
  return chosen;
}
