import { contractSteps, type StepName } from '../../contract/index.ts';
import type { Answer } from './answers.ts';

/** How a hospital or lab names one kind of work, for the harm sentences of a report. */
export interface JourneyKind {
  kind: string;
  unit: string;
  /** "2,320 patients not registered". */
  notCompleted: string;
  /** "4,080 samples waited for a consignment id". */
  waited: string;
  /**
   * The ledger entity that completes the work, for a kind NIC records in two steps (docs/nic-mocks.md): a share
   * ABDM accepted is done only once its token reached the client (`share-token-received`), a QR the gateway
   * made only once the patient paid (`payment-capture`). Unset: the step's first stored record completes it.
   */
  completedBy?: string;
  /** How this kind's open work reads by the client's answer, where the words of notCompletedText.ts would not say what happened. */
  leftAs?: Partial<Record<Answer, string>>;
}

/**
 * The write steps of the client contract (src/contract/steps.ts) as the work a hospital or lab loses when
 * NIC is down (issue 13: patients never registered, fees never recorded, samples without a consignment id,
 * results never delivered; issue 17: mobiles never verified, ABHA records never shared, online payments never
 * captured). A consignment's unit is the samples it carries (outages.md O13: ~3,000 samples waited), counted
 * from the consignment visit's batch of SRFs. Sending an OTP is not work of its own: the verification it
 * leads to is.
 */
export const journeyKinds: Partial<Record<StepName, JourneyKind>> = {
  verifyOtp: {
    kind: 'mobile-verification',
    unit: 'mobiles',
    notCompleted: "patients' mobiles not verified",
    waited: "patients' mobiles waited to be verified",
    // k6 sends verifyOtp only with a code off the phone (src/load/k6/verifyByPhone.ts): blocked is an SMS that never came.
    leftAs: { blocked: 'no OTP reached the phone', refused: 'refused by the client without a verification from NIC', done: 'answered verified and never verified at NIC' },
  },
  abhaShare: {
    kind: 'abha-share',
    unit: 'ABHA records',
    notCompleted: 'ABHA records never shared',
    waited: 'ABHA records waited to be shared',
    completedBy: 'share-token-received',
    leftAs: { refused: "refused by the client, ABDM's token never received", done: 'answered shared with a token that never reached the client' },
  },
  register: { kind: 'registration', unit: 'patients', notCompleted: 'patients not registered', waited: 'patients waited to be registered' },
  onlinePayment: {
    kind: 'online-payment',
    unit: 'online payments',
    notCompleted: 'online payments not captured',
    waited: 'online payments waited to be captured',
    completedBy: 'payment-capture',
    leftAs: { refused: 'refused by the client, no payment captured', done: 'answered paid and never captured by the gateway' },
  },
  fee: { kind: 'fee', unit: 'fees', notCompleted: 'fees not recorded', waited: 'fees waited to be recorded' },
  labOrder: { kind: 'lab-order', unit: 'lab orders', notCompleted: 'lab orders not placed', waited: 'lab orders waited to be placed' },
  barcode: { kind: 'barcode', unit: 'samples', notCompleted: 'samples without a barcode', waited: 'samples waited for a barcode' },
  collectSample: { kind: 'sample-collection', unit: 'samples', notCompleted: 'sample collections not recorded', waited: 'sample collections waited to be recorded' },
  createSrf: { kind: 'srf', unit: 'SRFs', notCompleted: 'SRFs not created', waited: 'SRFs waited to be created' },
  createConsignment: { kind: 'consignment', unit: 'samples', notCompleted: 'samples without a consignment id', waited: 'samples waited for a consignment id' },
  uploadResult: { kind: 'result', unit: 'results', notCompleted: 'results not delivered', waited: 'results waited to be delivered' },
};

/** Every harm kind name, for the gate metrics `harm.<kind>.notCompleted(Share)`. */
export const harmKindNames: readonly string[] = Object.values(journeyKinds).map((kind) => kind.kind);

/**
 * The kinds whose work a client can keep for NIC while NIC is down (a queueable step): the score's `abandoned`
 * part weighs only these. An OTP, a share token or a QR cannot wait for later (docs/client-contract.md "OTP,
 * ABHA Scan and Share, online payment"): those the outage takes are the incident's harm, told in the report and
 * gated by each scenario, not work the client chose to drop.
 */
export const keepableKindNames: ReadonlySet<string> = new Set(
  Object.entries(journeyKinds)
    .filter(([step]) => contractSteps[step as StepName].queueable)
    .map(([, journey]) => journey.kind),
);

/** The journey kind of a step; undefined for reads and for steps outside the contract. */
export function journeyKindOf(step: string | undefined): JourneyKind | undefined {
  return step === undefined ? undefined : journeyKinds[step as StepName];
}
