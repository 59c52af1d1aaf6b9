import type { ClientConfig } from '../config.ts';
import { abhaShareStep } from './abhaShare.ts';
import { barcodeStep } from './barcode.ts';
import { collectSampleStep } from './collectSample.ts';
import { createConsignmentStep } from './createConsignment.ts';
import { createSrfStep } from './createSrf.ts';
import { feeStep } from './fee.ts';
import { fetchReportStep } from './fetchReport.ts';
import type { JourneyStep } from './journeyStep.ts';
import { labOrderStep } from './labOrder.ts';
import { onlinePaymentStep } from './onlinePayment.ts';
import { resendOtpStep, sendOtpStep, verifyOtpStep } from './otpSteps.ts';
import { registerStep } from './register.ts';
import { tokenStep } from './token.ts';
import { uploadResultStep } from './uploadResult.ts';

/** Every journey step the reference clients serve, in journey order (docs/client-contract.md). */
export const journeySteps: readonly JourneyStep[] = [
  sendOtpStep,
  resendOtpStep,
  verifyOtpStep,
  abhaShareStep,
  registerStep,
  onlinePaymentStep,
  feeStep,
  tokenStep,
  labOrderStep,
  barcodeStep,
  collectSampleStep,
  fetchReportStep,
  createSrfStep,
  createConsignmentStep,
  uploadResultStep,
];

/** The steps a client serves: every step whose NIC service has a base URL configured. */
export function configuredSteps(config: ClientConfig): JourneyStep[] {
  return journeySteps.filter((step) => config.nic[step.service] !== undefined);
}
