import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { correlationIdHeader } from '../../../src/contract/headers.ts';
import { startFakeNic } from './fakeNic.ts';
import { keyedWrites } from './keyedWrites.ts';

/**
 * A fake e-Hospital that can be switched off (connections reset) and on, storing each keyed write once (on a
 * loaded machine an attempt can time out after NIC stored it), and a state directory for the client's outbox:
 * what the clients' kill-and-restart tests need. `close` ends the NIC and removes the directory.
 */
export async function switchableEhospital({ up, tokenNo, dirPrefix }: { up: boolean; tokenNo: number; dirPrefix: string }) {
  const stateDir = await mkdtemp(path.join(os.tmpdir(), dirPrefix));
  const stored = keyedWrites();
  const state = { up };
  const nic = await startFakeNic({
    answer: (request) => {
      if (!state.up) return 'reset';
      stored.store(request);
      const ref = request.headers[correlationIdHeader.toLowerCase()] as string;
      return { status: 201, body: { uhid: `UH-${ref}`, visitId: `V-${ref}`, tokenNo } };
    },
  });
  return {
    state,
    stored,
    env: { THAP_NIC_EHOSPITAL_URL: nic.url, THAP_TIME_SCALE: '60', THAP_OUTBOX_DIR: stateDir },
    close: async () => {
      await nic.close();
      await rm(stateDir, { recursive: true, force: true });
    },
  };
}
