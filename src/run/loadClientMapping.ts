import { access } from 'node:fs/promises';
import { loadVendorMapping, type VendorMapping } from '../contract/index.ts';
import { UserError } from '../core/index.ts';
import { contractStepsSent, type Load } from '../load/index.ts';

import type { Scenario } from '../scenario/index.ts';

export interface MappedClient {
  /** The scenario as run: with a mapping, the client's health path is the mapping's `health`. */
  scenario: Scenario;
  mapping?: VendorMapping;
}

/**
 * Loads the client's vendor mapping (`client.mapping`, or `--client-mapping` in its place) and checks that it
 * maps every contract step the load sends: the vendor speaks only its own API, so a step sent as the contract
 * defines it would fail for the harness's sake, not the client's. `field` names where the file was given
 * (e.g. `scenarios/demo.yaml: client.mapping`), for the errors (exit 2).
 */
export async function loadClientMapping({ scenario, load, field }: { scenario: Scenario; load: Load; field: string }): Promise<MappedClient> {
  const file = scenario.client.mapping;
  if (file === undefined) return { scenario };
  await access(file).catch(() => {
    throw new UserError(`${field}: no file ${file}; fix: give the path of a vendor mapping (.yaml or .ts), relative to the working directory (docs/client-contract.md "Vendor mappings")`);
  });
  const mapping = await loadVendorMapping({ file });
  const unmapped = contractStepsSent(load).filter((step) => !(step in mapping.steps));
  if (unmapped.length > 0) {
    const steps = unmapped.join(', ');
    throw new UserError(`${file}: steps: no mapping for step ${steps}, which scenario ${scenario.name} sends; fix: add steps.${unmapped[0]} (method, path, body, reply) to the mapping (docs/client-contract.md "Vendor mappings")`);
  }
  return { scenario: { ...scenario, client: { ...scenario.client, health: mapping.health } }, mapping };
}
