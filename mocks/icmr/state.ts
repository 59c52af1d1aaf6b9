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

  next(kind: 'srf' | 'patient' | 'consignment' | 'result'): string {
    const n = (this.seqs.get(kind) ?? 0) + 1;
    this.seqs.set(kind, n);
    const digits = String(n).padStart(8, '0');
    if (kind === 'srf') return `09${this.code}${digits}`;
    return `${{ patient: 'P', consignment: 'CN', result: 'R' }[kind]}${this.code}${digits}`;
  }
}
