import { describe, expect, it } from 'vitest';
import { HarnessError } from '../core/index.ts';
import { chooseStack, type StackProbes } from './chooseStack.ts';

function probes({ tools, docker }: { tools: boolean; docker: boolean }): StackProbes & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    toolsFound: async () => (calls.push('tools'), tools),
    dockerWorks: async () => (calls.push('docker'), docker),
    assertDocker: async () => {
      calls.push('assert');
      if (!docker) throw new HarnessError('Docker not available: none here', { code: 'THAP_DOCKER_UNAVAILABLE' });
    },
  };
}

describe('chooseStack', () => {
  it('local is local without probing anything', async () => {
    const p = probes({ tools: false, docker: true });
    expect((await chooseStack({ requested: 'local', probes: p })).kind).toBe('local');
    expect(p.calls).toEqual([]);
  });

  it('docker checks the runtime and fails with the Docker error when there is none', async () => {
    expect((await chooseStack({ requested: 'docker', probes: probes({ tools: true, docker: true }) })).kind).toBe('docker');
    await expect(chooseStack({ requested: 'docker', probes: probes({ tools: true, docker: false }) })).rejects.toThrow(/^Docker not available/);
  });

  it.each([
    { tools: true, docker: true, kind: 'local', calls: ['tools'] },
    { tools: true, docker: false, kind: 'local', calls: ['tools'] },
    { tools: false, docker: true, kind: 'docker', calls: ['tools', 'docker'] },
    { tools: false, docker: false, kind: 'local', calls: ['tools', 'docker'] },
  ])('auto with tools=$tools docker=$docker is $kind', async ({ tools, docker, kind, calls }) => {
    const p = probes({ tools, docker });
    const choice = await chooseStack({ requested: 'auto', probes: p });
    expect(choice.kind).toBe(kind);
    expect(choice.reason).toMatch(/--stack auto/);
    expect(p.calls).toEqual(calls);
  });
});
