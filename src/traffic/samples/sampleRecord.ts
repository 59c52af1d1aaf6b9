/**
 * One sample on an ICMR specimen referral form (SRF), with its consignment and result upload. Times are
 * simulated ms since 00:00 of the plan's day. The SRF ID itself (13 digits [22]) is issued by the portal
 * (the mocks); `id` is our opaque correlation id.
 */
export interface SampleRecord {
  /** `sm-0000001`: opaque, unique within the plan. */
  id: string;
  profile: string;
  name: string;
  gender: 'female' | 'male' | 'other';
  age: number;
  /** `+91` then 10 digits starting 6-9 [50]. */
  mobile: string;
  district: string;
  /** 6 digits in the district's range, starting 20-28 [49]. */
  pin: string;
  testType: string;
  specimen: string;
  srfCreateSimMs: number;
  srfCreateWallMs: number;
  /** `cn-000001`: the batch this sample leaves the collection centre in. */
  consignmentId: string;
  consignmentSimMs: number;
  resultUploadSimMs: number;
}
