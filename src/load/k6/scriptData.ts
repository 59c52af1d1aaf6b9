import type { VendorStepMapping } from './vendorStep.ts';

/**
 * What thap writes beside the k6 script as `script-data.json` (src/load/scriptData.ts builds it): every value
 * the script would otherwise hard-code. Types only, shared by the script (k6) and thap (Node).
 */
export interface ScriptData {
  /** k6 `options` (scenarios, setupTimeout, summaryTrendStats); every scenario's `exec` is `replay`. */
  options: Record<string, unknown>;
  /** Per k6 scenario name: what that scenario replays. */
  replays: Record<string, Replay>;
  /** Whether any later visit reads a slip: without one, visits keep none (saves a call per visit). */
  slipsNeeded: boolean;
  /** Per contract step (src/contract/steps.ts): how the client is called and, for a write, the NIC id its ledger line carries. */
  contract: Record<string, ContractRoute>;
  /** Header names from src/contract/headers.ts. */
  headers: { correlationId: string };
  /** The ICMR lab the traffic's SRFs and consignments name (src/contract/labs.ts). */
  labCode: string;
  /** Wall ms the patient waits for an OTP before asking for a resend, and between looks at the phone (verifyByPhone.ts). */
  phone: { waitMs: number; pollMs: number };
  /**
   * A vendor mapping (`client.mapping`, `--client-mapping`): the steps it maps are sent in the vendor's own
   * API and their answers read through it (vendorStep.ts); absent, every step is sent as the contract defines it.
   */
  vendor?: { correlationHeader: string; steps: Partial<Record<string, VendorStepMapping>> };
}

export interface ContractRoute {
  method: 'GET' | 'POST';
  /** Client path; `:name` is filled from the slip. */
  path: string;
  /** The NIC ids a `done` names that integrity checks (src/contract/steps.ts `ledgerId`; src/load/callbackLedgerIds.ts). */
  ledgerId?: string;
  callbackLedgerId?: string;
}

/** One k6 scenario's share of a series: iteration i replays visit `first + i` of `visits-<series>.json`. */
export interface Replay {
  series: string;
  first: number;
  /** The slips the visit starts from: its own entity's, its batch's (a consignment), or none (a first visit). */
  reads: 'own' | 'batch' | 'none';
  /** The visit's record goes on its slip for later visits (a registration's patient). */
  keepsRecord: boolean;
  /** The phone waits of this scenario's clock segment, where its speed is not the clock's (ScriptData `phone`). */
  phone?: { waitMs: number; pollMs: number };
}

/** A visit as `visits-<series>.json` holds it (src/load/buildLoad.ts `VisitEntry`). */
export interface Visit {
  entity: string;
  steps: Array<{ name: string; thinkMs: number }>;
  record?: Record<string, unknown>;
  /** A consignment's samples (their entities). */
  batch?: string[];
  /** With client regions: the region whose client the visit goes to. */
  region?: string;
}

/** What staff read off the patient's or sample's paper slip: ids earlier answers gave, and the record. */
export type Slip = Record<string, unknown>;
