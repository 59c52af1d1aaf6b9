import { beforeAll, describe } from 'vitest';
import { proofChecks, type ProofRuns } from './proofChecks.ts';
import { runProofClients } from './runProofClients.ts';

/**
 * Proof on a compressed night consignment outage (night-consignment.yaml). The portal's capacity is just
 * under the late-morning SRF peak, its answers slow past retry-storm's attempt timeout, and every unkeyed
 * retry of an SRF still being processed is stored again; at 21:30 consignment creation fails outright and at
 * 23:00 the backlog comes back at once. (demo.e2e.test.ts has the same proof on the demo scenario.)
 */
describe('proof on the night consignment outage', () => {
  let runs: ProofRuns;
  beforeAll(async () => {
    runs = await runProofClients('examples/proof/night-consignment.yaml', { timeoutMs: 6 * 60_000 });
  }, 4 * 6 * 60_000);

  // The samples that waited must get their consignment ids (harm.consignment.notCompletedShare, outages.md O13).
  proofChecks(() => runs, { naiveStatus: 'failed' });
});
