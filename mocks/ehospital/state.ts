import type { Rng } from '../shared/rng.ts';
import { normaliseAbha, normaliseMobile } from '../shared/fields.ts';
import type { PatientBody } from './schemas.ts';

export interface Patient extends PatientBody {
  uhid: string;
  registeredAt: number;
}

export interface Bill {
  billId: string;
  visitId: string;
  items: Array<{ code: string; amountRupees: number }>;
  amountRupees: number;
  createdAt: number;
}

export interface LabOrder {
  orderId: string;
  visitId: string;
  uhid: string;
  tests: string[];
  amountRupees: number;
  createdAt: number;
  barcodes: string[];
}

export interface Sample {
  barcode: string;
  orderId: string;
  specimen: string;
  status: 'labelled' | 'collected';
  createdAt: number;
  collectedAt: number | null;
}

class PatientRecord implements Patient {
  name: string;
  gender: string;
  age: number;
  mobile: string;
  district: string;
  pin: string;
  abhaNumber?: string;
  uhid: string;
  registeredAt: number;
  constructor(body: PatientBody, uhid: string, registeredAt: number) {
    this.name = body.name;
    this.gender = body.gender;
    this.age = body.age;
    this.mobile = body.mobile;
    this.district = body.district;
    this.pin = body.pin;
    if (body.abhaNumber !== undefined) this.abhaNumber = body.abhaNumber;
    this.uhid = uhid;
    this.registeredAt = registeredAt;
  }
}

/** One OPD visit; a class with its fields fixed up front, so every visit shares one hidden class (docs/mocks-scaling.md). */
export class Visit {
  visitId: string;
  uhid: string;
  department: string;
  visitType: 'new' | 'followup';
  appointmentNo: string;
  tokenNo: number;
  createdAt: number;
  feePaid = false;
  constructor(visit: Omit<Visit, 'feePaid'>) {
    this.visitId = visit.visitId;
    this.uhid = visit.uhid;
    this.department = visit.department;
    this.visitType = visit.visitType;
    this.appointmentNo = visit.appointmentNo;
    this.tokenNo = visit.tokenNo;
    this.createdAt = visit.createdAt;
  }
}

/**
 * The e-Hospital mock's records. Identifiers are opaque strings issued here: a UHID is 12 digits (a 4-digit
 * hospital code drawn from the seed, then a sequence, like C-DAC's 12-digit CIN, nic-services.md [15]).
 */
export class EhospitalState {
  readonly patients = new Map<string, Patient>();
  readonly byMobile = new Map<string, string[]>();
  readonly byAbha = new Map<string, string>();
  readonly visits = new Map<string, Visit>();
  readonly bills = new Map<string, Bill>();
  readonly orders = new Map<string, LabOrder>();
  readonly samples = new Map<string, Sample>();
  private readonly seqs = new Map<string, number>();
  private readonly hospitalCode: number;
  private uhidSeq = 0;
  private visitSeq = 0;
  private readonly tokens = new Map<string, number>();

  constructor(rng: Rng) {
    this.hospitalCode = 1000 + Math.floor(rng() * 9000);
  }

  nextUhid(): string {
    return `${this.hospitalCode}${String(++this.uhidSeq).padStart(8, '0')}`;
  }

  nextVisitId(): string {
    return `V${this.hospitalCode}${String(++this.visitSeq).padStart(8, '0')}`;
  }

  /** The next id with a prefix: `B` bills, `LO` lab orders, `SB` sample barcodes. */
  nextId(prefix: string): string {
    const n = (this.seqs.get(prefix) ?? 0) + 1;
    this.seqs.set(prefix, n);
    return `${prefix}${this.hospitalCode}${String(n).padStart(8, '0')}`;
  }

  /** The next queue token of a department, and its appointment number (e.g. `MED-0042`). */
  nextToken(department: string): { tokenNo: number; appointmentNo: string } {
    const tokenNo = (this.tokens.get(department) ?? 0) + 1;
    this.tokens.set(department, tokenNo);
    const code = department.replace(/[^A-Za-z]/g, '').slice(0, 3).toUpperCase() || 'OPD';
    return { tokenNo, appointmentNo: `${code}-${String(tokenNo).padStart(4, '0')}` };
  }

  /**
   * Stores a new patient as a compact record: one class shape for every patient (the object the schema
   * parsed is not kept), so that thousands of registrations a second add as little as possible for each
   * young-generation collection to copy (docs/mocks-scaling.md "Tail latency").
   */
  newPatient(body: PatientBody, uhid: string, registeredAt: number): Patient {
    const patient = new PatientRecord(body, uhid, registeredAt);
    this.addPatient(patient);
    return patient;
  }

  /** Stores a new OPD visit (a compact record, as `newPatient`). */
  addVisit(visit: Omit<Visit, 'feePaid'>): void {
    this.visits.set(visit.visitId, new Visit(visit));
  }

  addPatient(patient: Patient): void {
    this.patients.set(patient.uhid, patient);
    const mobile = normaliseMobile(patient.mobile);
    const list = this.byMobile.get(mobile);
    if (list) list.push(patient.uhid);
    else this.byMobile.set(mobile, [patient.uhid]);
    if (patient.abhaNumber) this.byAbha.set(normaliseAbha(patient.abhaNumber), patient.uhid);
  }
}
