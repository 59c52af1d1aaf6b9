import { z } from 'zod';
import { errorResponse } from '../http/errorResponse.ts';
import { jsonResponse } from '../http/jsonResponse.ts';
import { notFound } from '../http/notFound.ts';
import { parseBody } from '../http/parseBody.ts';
import { defineRoute, type MockRoute } from '../http/route.ts';
import type { ServiceRuntime } from '../runtime.ts';
import { mobileSchema, normaliseMobile } from '../shared/fields.ts';

const sendOtpSchema = z.object({ mobile: mobileSchema, purpose: z.string().max(50).default('registration') });
const verifyOtpSchema = z.object({ otpId: z.string().min(1), otp: z.string().regex(/^\d{6}$/, 'otp: 6 digits') });
const sendSmsSchema = z.object({ mobile: mobileSchema, text: z.string().min(1).max(1000), templateId: z.string().max(40).optional() });

/** An OTP allows 3 wrong attempts (assumption, common for Indian OTP gateways); its lifetime is `otpTtlMs`. */
const OTP_ATTEMPTS = 3;

interface Otp {
  otpId: string;
  mobile: string;
  code: string;
  expiresAt: number;
  attempts: number;
  verified: boolean;
  clientRef: string | null;
  clientId: string;
}

interface InboxMessage {
  messageId: string;
  text: string;
  deliveredAt: number;
}

/** The verification id of an OTP: one per OTP, so a repeated verify answers the same id. */
function verificationIdOf(otp: Otp): string {
  return `V${otp.otpId}`;
}

/**
 * The SMS/OTP gateway mock. Messages reach a simulated phone inbox (`GET /sms/v1/inbox/:mobile`) after
 * `deliveryDelayMs`, through the callback faults (late: O5 OTP delay; missing: never delivered).
 */
export function createSms(runtime: ServiceRuntime): MockRoute[] {
  const otps = new Map<string, Otp>();
  const inbox = new Map<string, InboxMessage[]>();
  let seq = 0;
  const deliver = (route: string, mobile: string, messageId: string, text: string) =>
    runtime.callbacks.schedule({
      service: 'sms',
      route,
      what: `inbox/${mobile}`,
      delayMs: runtime.times.delayMs(runtime.config.deliveryDelayMs),
      run: () => {
        const list = inbox.get(mobile) ?? [];
        list.push({ messageId, text, deliveredAt: runtime.now() });
        inbox.set(mobile, list);
      },
    });

  const sendOtp = defineRoute({
    service: 'sms',
    method: 'POST',
    path: '/sms/v1/otp/send',
    write: true,
    summary: 'send a 6-digit OTP to a mobile',
    async resolve({ request, meta }) {
      const parsed = await parseBody({ request, service: 'sms', schema: sendOtpSchema });
      if (!parsed.ok) return parsed.response;
      const mobile = normaliseMobile(parsed.data.mobile);
      const otpId = `OTP${String(++seq).padStart(10, '0')}`;
      const code = String(Math.floor(runtime.rng() * 1_000_000)).padStart(6, '0');
      const now = runtime.now();
      const ttlMs = runtime.times.delayMs(runtime.config.otpTtlMs, now);
      const expiresAt = now + ttlMs;
      if (runtime.recordWrite({ meta, entity: 'otp', id: otpId, businessKey: `otp|${mobile}|${parsed.data.purpose}|${meta.clientRef ?? otpId}` })) {
        otps.set(otpId, { otpId, mobile, code, expiresAt, attempts: 0, verified: false, clientRef: meta.clientRef, clientId: meta.clientId });
        deliver('/sms/v1/otp/send', mobile, otpId, `${code} is your OTP for ${parsed.data.purpose}. Valid ${Math.round(ttlMs / 1000)} s. (synthetic, thap mock)`);
      }
      return jsonResponse(201, { otpId, expiresAt: new Date(expiresAt).toISOString() });
    },
  });

  let verifications = 0;
  const verifyOtp = defineRoute({
    service: 'sms',
    method: 'POST',
    path: '/sms/v1/otp/verify',
    write: true,
    summary: 'verify an OTP (3 attempts, otpTtlMs); a verification is a ledger write',
    async resolve({ request, meta }) {
      const parsed = await parseBody({ request, service: 'sms', schema: verifyOtpSchema });
      if (!parsed.ok) return parsed.response;
      const otp = otps.get(parsed.data.otpId);
      if (!otp) return notFound('sms', 'otp', parsed.data.otpId);
      if (otp.verified && otp.code === parsed.data.otp) return jsonResponse(200, { otpId: otp.otpId, verified: true, verificationId: verificationIdOf(otp) });
      if (runtime.now() > otp.expiresAt) {
        // Kept, not stored: integrity names a client that calls this mobile verified anyway (docs/scoring.md).
        if (otp.code === parsed.data.otp) {
          runtime.recordEvent({ clientRef: meta.clientRef, clientId: meta.clientId, entity: 'otp-expired-attempt', id: `${otp.otpId}-expired`, businessKey: `otpx|${otp.otpId}|${++verifications}`, stored: false });
        }
        return errorResponse({ status: 410, service: 'sms', code: 'otp_expired', message: 'OTP expired; send a new one' });
      }
      if (otp.attempts >= OTP_ATTEMPTS) return errorResponse({ status: 429, service: 'sms', code: 'otp_attempts', message: `more than ${OTP_ATTEMPTS} wrong attempts; send a new OTP` });
      if (otp.code !== parsed.data.otp) {
        otp.attempts++;
        return errorResponse({ status: 400, service: 'sms', code: 'otp_wrong', message: `wrong OTP (${OTP_ATTEMPTS - otp.attempts} attempts left)`, fields: [{ path: 'otp', message: 'does not match', got: JSON.stringify(parsed.data.otp) }] });
      }
      const verificationId = verificationIdOf(otp);
      if (runtime.recordWrite({ meta, entity: 'otp-verification', id: verificationId, businessKey: `otpv|${otp.otpId}` })) otp.verified = true;
      return jsonResponse(200, { otpId: otp.otpId, verified: true, verificationId });
    },
  });

  const sendSms = defineRoute({
    service: 'sms',
    method: 'POST',
    path: '/sms/v1/messages',
    write: true,
    summary: 'send an SMS',
    async resolve({ request, meta }) {
      const parsed = await parseBody({ request, service: 'sms', schema: sendSmsSchema });
      if (!parsed.ok) return parsed.response;
      const mobile = normaliseMobile(parsed.data.mobile);
      const messageId = `SMS${String(++seq).padStart(10, '0')}`;
      if (runtime.recordWrite({ meta, entity: 'sms', id: messageId, businessKey: `sms|${mobile}|${parsed.data.text}` })) deliver('/sms/v1/messages', mobile, messageId, parsed.data.text);
      return jsonResponse(202, { messageId, status: 'queued' });
    },
  });

  const readInbox = defineRoute({
    service: 'sms',
    method: 'GET',
    path: '/sms/v1/inbox/:mobile',
    summary: "the simulated phone's inbox: messages delivered to a mobile",
    resolve({ params }) {
      return jsonResponse(200, { mobile: params.mobile, messages: inbox.get(normaliseMobile(params.mobile!)) ?? [] });
    },
  });

  return [sendOtp, verifyOtp, sendSms, readInbox];
}
