import type { StepName } from '../../contract/index.ts';

/** How a hospital or lab names one kind of work, for the harm sentences of a report. */
export interface JourneyKind {
  kind: string;
  unit: string;
  /** "2,320 patients not registered". */
  notCompleted: string;
  /** "4,080 samples waited for a consignment id". */
  waited: string;
}

/**
 * The write steps of the client contract (src/contract/steps.ts) as the work a hospital or lab loses when
 * NIC is down (issue 13: patients never registered, fees never recorded, samples without a consignment id,
 * results never delivered). A consignment's unit is the samples it carries (outages.md O13: ~3,000 samples
 * waited), counted from the consignment visit's batch of SRFs.
 */
export const journeyKinds: Partial<Record<StepName, JourneyKind>> = {
  register: { kind: 'registration', unit: 'patients', notCompleted: 'patients not registered', waited: 'patients waited to be registered' },
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

/** The journey kind of a step; undefined for reads and for steps outside the contract. */
export function journeyKindOf(step: string | undefined): JourneyKind | undefined {
  return step === undefined ? undefined : journeyKinds[step as StepName];
}
