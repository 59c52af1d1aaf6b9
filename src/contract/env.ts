/**
 * Environment variables thap sets when it starts a client (`client.command`) and that a vendor's client reads
 * when started by hand. NIC URLs point at Toxiproxy, never at the mocks directly, so network faults apply.
 */
export const clientEnv = {
  PORT: 'listen on 127.0.0.1:PORT',
  THAP_TIME_SCALE: 'simulated seconds per wall second; divide every timer (timeouts, backoff, drain pacing) by it',
  THAP_NIC_EHOSPITAL_URL: 'base URL of NIC e-Hospital/ORS (registration, fees, tokens, lab)',
  THAP_NIC_ICMR_URL: 'base URL of the ICMR sample portal (SRF, consignment, results)',
  THAP_NIC_ABDM_URL: 'base URL of the ABDM gateway (ABHA, Scan and Share)',
  THAP_NIC_SMS_URL: 'base URL of the SMS/OTP gateway',
  THAP_NIC_PAYMENT_URL: 'base URL of the payment gateway',
  THAP_OUTBOX_DIR: 'a directory unique to the run (thap sets <runDir>/client-outbox) where the client may keep durable state, such as its outbox, that must survive its restart',
} as const;
export type ClientEnvName = keyof typeof clientEnv;
