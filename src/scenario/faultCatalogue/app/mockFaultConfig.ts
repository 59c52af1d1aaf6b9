import { faultKinds as mockFaultKinds } from '../../../../mocks/faults/registry.ts';
import type { AppFaultConfig } from '../faultConfig.ts';

/**
 * An application fault's configuration: its settings schema and one-line description are the mocks' own
 * (mocks/faults/kinds), so a scenario is checked by exactly the rules the mocks apply.
 */
export function mockFaultConfig({ kind, mockKind, summary }: { kind: string; mockKind: string; summary: string }): AppFaultConfig {
  const definition = mockFaultKinds.get(mockKind);
  if (!definition) throw new Error(`the mocks have no fault kind ${mockKind}`);
  return {
    kind,
    layer: 'app',
    mockKind,
    appliesTo: definition.appliesTo ?? 'requests',
    summary,
    settings: definition.settings,
    describe: (settings) => (definition.describe as (value: unknown) => string)(settings),
  };
}
