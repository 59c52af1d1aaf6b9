import { contractSteps, correlationIdHeader, trafficLabCode, type VendorMapping } from '../contract/index.ts';
import type { Series } from '../traffic/index.ts';
import type { Load } from './buildLoad.ts';
import type { Replay, ScriptData } from './k6/scriptData.ts';
import { callbackLedgerIds } from './callbackLedgerIds.ts';

/**
 * How each series uses thap's slip store: a first visit (registration, SRF creation) reads none and leaves
 * its ids; a later visit reads its entity's slip; a consignment reads the slips of the samples in its batch.
 * A registration's patient record goes on the slip too, for the lab visits of the same patient.
 */
const slipUse: Record<Series, Pick<Replay, 'reads' | 'keepsRecord'>> = {
  registration: { reads: 'none', keepsRecord: true },
  lab: { reads: 'own', keepsRecord: false },
  collection: { reads: 'own', keepsRecord: false },
  report: { reads: 'own', keepsRecord: false },
  srf: { reads: 'none', keepsRecord: false },
  consignment: { reads: 'batch', keepsRecord: false },
  result: { reads: 'own', keepsRecord: false },
};

/** Everything the k6 script reads from `script-data.json` for one run's load (and the client's vendor mapping, when it has one). */
export function scriptData(load: Load, mapping?: VendorMapping): ScriptData {
  const replays = Object.fromEntries(
    Object.entries(load.replays).map(([name, { series, first }]) => {
      const speed = load.speeds?.[name];
      return [name, { series, first, ...slipUse[series], ...(speed !== undefined ? { phone: phoneWait(speed) } : {}) }];
    }),
  );
  const contract = Object.fromEntries(
    Object.values(contractSteps).map(({ name, method, path, ledgerId }) => {
      const callbackLedgerId = callbackLedgerIds[name];
      return [name, { method, path, ...(ledgerId === undefined ? {} : { ledgerId }), ...(callbackLedgerId === undefined ? {} : { callbackLedgerId }) }];
    }),
  );
  return {
    options: { scenarios: load.scenarios, setupTimeout: '30s', summaryTrendStats: ['avg', 'p(50)', 'p(95)', 'p(99)', 'max'] },
    replays,
    // Slips are kept only when a later visit reads them.
    slipsNeeded: Object.values(replays).some(({ series, reads }) => reads !== 'none' && (load.series[series]?.length ?? 0) > 0),
    contract,
    headers: { correlationId: correlationIdHeader },
    labCode: trafficLabCode,
    phone: phoneWait(load.speed ?? 1),
    ...(mapping ? { vendor: { correlationHeader: mapping.correlationHeader, steps: mapping.steps } } : {}),
  };
}

/**
 * The patient waits 2 simulated minutes for the OTP before asking for a resend, looking at the phone every 10
 * simulated seconds (assumptions; outages.md O5: median delay 45 s, 20% > 3 min), on the wall clock at the
 * clock's speed, or at a later segment's for the k6 scenarios that replay that segment's visits.
 */
function phoneWait(speed: number): ScriptData['phone'] {
  return { waitMs: Math.round(120_000 / speed), pollMs: Math.max(20, Math.round(10_000 / speed)) };
}
