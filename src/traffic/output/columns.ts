/** CSV columns, in the records' field order. Optional fields (ABHA) are written empty when absent. */
export const patientColumns = [
  'id', 'name', 'gender', 'age', 'dob', 'guardianName', 'guardianRelation', 'mobile', 'district', 'division', 'pin',
  'department', 'visitType', 'profile', 'journey', 'channel', 'arrivalSimMs', 'arrivalWallMs', 'lookups', 'registerSimMs',
  'feeSimMs', 'tokenSimMs', 'labOrderSimMs', 'barcodeSimMs', 'collectionSimMs', 'reportSimMs', 'tests', 'abhaNumber', 'abhaAddress',
] as const;

export const sampleColumns = [
  'id', 'profile', 'name', 'gender', 'age', 'mobile', 'district', 'pin', 'testType', 'specimen', 'srfCreateSimMs',
  'srfCreateWallMs', 'consignmentId', 'consignmentSimMs', 'resultUploadSimMs',
] as const;
