/**
 * The made-up "Arogya HMIS 2" API (see mapping.yaml): what its registration endpoint takes and answers.
 * It exists to show a vendor mapping against an API that is not thap's contract.
 */
export interface ArogyaEncounterRequest {
  person: {
    fullName: string;
    sex: 'F' | 'M' | 'O';
    ageYears: number;
    phone: string;
    address: { district: string; pincode: string };
    abha?: string;
  };
  clinic: string;
  encounterKind: 'FIRST' | 'REVISIT';
  crNo?: string;
  channel: 'COUNTER' | 'KIOSK';
}

export type ArogyaEncounterReply =
  | { result: { state: 'CONFIRMED'; crNo: string; encounterId: string; queueNo: number } }
  | { result: { state: 'REJECTED' }; error: { message: string } };
