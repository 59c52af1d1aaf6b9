import type { Rng } from '../shared/rng.ts';
import type { SrfBody } from './schemas.ts';

export interface Srf extends SrfBody {
  srfId: string;
  patientId: string;
  createdAt: number;
  consignmentId: string | null;
  labId: string | null;
  result: string | null;
}

/**
 * An SRF as stored: one class shape for every SRF, fields in the order the API returns them (the object
 * the schema parsed is not kept), so that thousands of SRFs a second add as little as possible for each
 * young-generation collection to copy (docs/mocks-scaling.md "Tail latency").
 */
class SrfRecord implements Srf {
  patient: SrfBody['patient'];
  specimenType: SrfBody['specimenType'];
  testType: SrfBody['testType'];
  collectedAt: string;
  collectionSite: string | undefined;
  consignmentId: string | null = null;
  labId: string | null = null;
  result: string | null = null;
  constructor(
    body: SrfBody,
    readonly srfId: string,
    readonly patientId: string,
    readonly createdAt: number,
  ) {
    this.patient = body.patient;
    this.specimenType = body.specimenType;
    this.testType = body.testType;
    this.collectedAt = body.collectedAt;
    this.collectionSite = body.collectionSite;
  }

  /** The API's field order (JSON.stringify leaves `collectionSite` out when it is undefined). */
  toJSON(): object {
    const { patient, specimenType, testType, collectedAt, collectionSite, srfId, patientId, createdAt, consignmentId, labId, result } = this;
    return { patient, specimenType, testType, collectedAt, collectionSite, srfId, patientId, createdAt, consignmentId, labId, result };
  }
}

/**
 * The ICMR sample portal's records. An SRF ID is 13 digits [22] (structure UNVERIFIED: here `09` for UP,
 * a 3-digit code from the seed, then an 8-digit sequence); patient IDs and consignment IDs are opaque.
 */
export class IcmrState {
  readonly srfs = new Map<string, Srf>();
  readonly patientsByMobile = new Map<string, Map<string, { patientId: string; name: string; srfIds: string[] }>>();
  readonly consignments = new Map<string, { consignmentId: string; labId: string; srfIds: string[]; createdAt: number }>();
  readonly results = new Map<string, { resultId: string; srfId: string; labId: string; result: string; createdAt: number }>();
  private readonly code: string;
  private readonly seqs = new Map<string, number>();

  constructor(rng: Rng) {
    this.code = String(100 + Math.floor(rng() * 900));
  }

  /** Stores a new SRF as a compact record. */
  addSrf(body: SrfBody, srfId: string, patientId: string, createdAt: number): void {
    this.srfs.set(srfId, new SrfRecord(body, srfId, patientId, createdAt));
  }

  next(kind: 'srf' | 'patient' | 'consignment' | 'result'): string {
    const n = (this.seqs.get(kind) ?? 0) + 1;
    this.seqs.set(kind, n);
    const digits = String(n).padStart(8, '0');
    if (kind === 'srf') return `09${this.code}${digits}`;
    return `${{ patient: 'P', consignment: 'CN', result: 'R' }[kind]}${this.code}${digits}`;
  }
}
