import { docker } from '../../src/stack/container/images/docker.ts';
import { runLabel } from '../../src/stack/lifeline/removeLabelledContainers.ts';

export interface DockerLeftovers {
  containers: string[];
  networks: string[];
  volumes: string[];
}

/** What Docker still holds with this label (`thap.run=<run id>` by default): containers, networks, volumes. */
export async function dockerLeftovers(value: string, label = runLabel): Promise<DockerLeftovers> {
  const list = async (args: string[]): Promise<string[]> => {
    const result = await docker([...args, '--filter', `label=${label}=${value}`], { timeoutMs: 20_000 });
    if (result.code !== 0) throw new Error(`docker ${args.join(' ')} failed: ${result.stderr}`);
    return result.stdout.split('\n').map((line) => line.trim()).filter(Boolean);
  };
  return { containers: await list(['ps', '-aq']), networks: await list(['network', 'ls', '-q']), volumes: await list(['volume', 'ls', '-q']) };
}

/** Polls until Docker holds nothing with the label, or `withinMs` has passed; resolves with what is left. */
export async function dockerLeftoversAfter(withinMs: number, value: string, label = runLabel): Promise<DockerLeftovers> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const left = await dockerLeftovers(value, label);
    if ((left.containers.length === 0 && left.networks.length === 0 && left.volumes.length === 0) || Date.now() >= deadline) return left;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
