import type { Command } from 'commander';

/**
 * Every command of the CLI, one file each, loaded only when used: `thap run` does not load the report
 * renderer, `thap --version` loads nothing. Add a command with one line here.
 */
export const commands: Record<string, () => Promise<() => Command>> = {
  run: async () => (await import('./run.ts')).runCommand,
  validate: async () => (await import('./validate.ts')).validateCommand,
  scenarios: async () => (await import('./scenarios.ts')).scenariosCommand,
  generate: async () => (await import('./generate.ts')).generateCommand,
  report: async () => (await import('./report.ts')).reportCommand,
  compare: async () => (await import('./compare.ts')).compareCommand,
  suite: async () => (await import('./suite.ts')).suiteCommand,
  mocks: async () => (await import('./mocks.ts')).mocksCommand,
  tools: async () => (await import('./tools.ts')).toolsCommand,
  doctor: async () => (await import('./doctor.ts')).doctorCommand,
  k8s: async () => (await import('./k8s.ts')).k8sCommand,
  conduct: async () => (await import('./conduct.ts')).conductCommand,
};
