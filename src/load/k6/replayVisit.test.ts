import { describe, expect, it } from 'vitest';
import { scriptData } from '../scriptData.ts';
import { replayVisit, type OutcomeSample, type VisitIo } from './replayVisit.ts';
import type { Replay, Slip, Visit } from './scriptData.ts';

type Sent = Parameters<VisitIo['send']>[0];

/** A fake of k6's side: answers each step from `answers`, records what was sent, slept and stored. */
function fakeIo({ answers = {}, slips = {} }: { answers?: Record<string, { status: number; body: unknown }>; slips?: Record<string, Slip> } = {}) {
  const sent: Sent[] = [];
  const samples: OutcomeSample[] = [];
  const slept: number[] = [];
  const put: Record<string, Slip> = {};
  const io: VisitIo = {
    send(request) {
      sent.push(request);
      const answer = answers[request.step] ?? { status: 503, body: { status: 'failed' } };
      return { status: answer.status, body: JSON.stringify(answer.body) };
    },
    sleepMs: (ms) => void slept.push(ms),
    record: (sample) => void samples.push(sample),
    slips: {
      get: (entity) => ({ ...slips[entity] }),
      lookup: (entities) => Object.fromEntries(entities.flatMap((entity) => (slips[entity] ? [[entity, slips[entity]]] : []))),
      put: (entity, kept) => void (put[entity] = kept),
    },
  };
  return { io, sent, samples, slept, put };
}

// The contract's routes and header names as thap injects them, with slips kept (a later visit reads them).
const data = { ...scriptData({ scenarios: {}, replays: {}, series: {}, counts: {} }), slipsNeeded: true };
const targets = { target: 'http://127.0.0.1:8080', byRegion: { tirupati: 'http://127.0.0.1:8081' } };
const replay = (series: string, reads: Replay['reads'], keepsRecord = false): Replay => ({ series, first: 0, reads, keepsRecord });
const record = { name: 'Asha Devi', gender: 'female', age: 34, mobile: '+919876543210', district: 'Lucknow', pin: '226003', department: 'medicine', visitType: 'new' };
const done = (nic: object) => ({ status: 201, body: { status: 'done', nic } });

describe('replayVisit', () => {
  it('sends each step with its correlation id, sleeps the think times and keeps the ids on the slip with the record', () => {
    const { io, sent, samples, slept, put } = fakeIo({ answers: { register: done({ uhid: 'UH1', visitId: 'V1' }), fee: done({ billId: 'B1' }) } });
    const visit: Visit = { entity: 'pt-1', record, steps: [{ name: 'lookup', thinkMs: 0 }, { name: 'register', thinkMs: 0 }, { name: 'fee', thinkMs: 400 }] };
    replayVisit({ visit, replay: replay('registration', 'none', true), data, targets, io });
    expect(sent.map(({ method, url, step }) => [method, url, step])).toEqual([['POST', 'http://127.0.0.1:8080/opd/registrations', 'register'], ['POST', 'http://127.0.0.1:8080/opd/fees', 'fee']]);
    expect(sent[0]?.headers).toEqual({ 'content-type': 'application/json', 'X-Correlation-Id': 'pt-1.register' });
    expect(JSON.parse(sent[1]?.body ?? '')).toMatchObject({ uhid: 'UH1', visitId: 'V1', amountInr: 10 });
    expect(slept).toEqual([400]);
    expect(samples).toEqual([{ step: 'register', outcome: 'done', entity: 'pt-1.register', nic: 'V1' }, { step: 'fee', outcome: 'done', entity: 'pt-1.fee', nic: 'B1' }]);
    expect(put).toEqual({ 'pt-1': { uhid: 'UH1', visitId: 'V1', record } });
  });

  it('records a step whose ids never came as blocked without sending it, and stores nothing', () => {
    const { io, sent, samples, put } = fakeIo();
    replayVisit({ visit: { entity: 'pt-2', steps: [{ name: 'lab-order', thinkMs: 0 }, { name: 'barcode', thinkMs: 0 }] }, replay: replay('lab', 'own'), data, targets, io });
    expect(sent).toEqual([]);
    expect(samples.map(({ step, outcome }) => [step, outcome])).toEqual([['labOrder', 'blocked'], ['barcode', 'blocked']]);
    expect(put).toEqual({});
  });

  it('starts a later visit from its own slip, fills path parameters from it and keeps provisional ids of a queued answer', () => {
    const { io, sent, samples, put } = fakeIo({
      slips: { 'pt-3': { uhid: 'UH3', visitId: 'V3', orderId: 'LO 7' } },
      answers: { barcode: { status: 202, body: { status: 'queued', provisionalId: 'PB1' } }, fetchReport: done({ orderId: 'LO 7' }) },
    });
    replayVisit({ visit: { entity: 'pt-3', steps: [{ name: 'barcode', thinkMs: 0 }, { name: 'report', thinkMs: 0 }] }, replay: replay('lab', 'own'), data, targets, io });
    expect(sent.map(({ method, url, body }) => [method, url, body])).toEqual([
      ['POST', 'http://127.0.0.1:8080/lab/barcodes', '{"orderId":"LO 7"}'],
      ['GET', 'http://127.0.0.1:8080/lab/reports/LO%207', null],
    ]);
    expect(samples.map(({ outcome }) => outcome)).toEqual(['queued', 'done']);
    expect(put).toEqual({ 'pt-3': { barcode: 'PB1' } });
  });

  it('sends a region\'s visit to its region\'s client and tags it, and a consignment carries its batch\'s SRF ids and the injected lab code', () => {
    const { io, sent, samples } = fakeIo({ slips: { 's-1': { srfId: 'SRF1' }, 's-2': { srfId: 'SRF2' } }, answers: { createConsignment: done({ consignmentId: 'CN1' }) } });
    const visit: Visit = { entity: 'cn-1', batch: ['s-1', 's-2', 's-3'], region: 'tirupati', steps: [{ name: 'consignment', thinkMs: 0 }] };
    replayVisit({ visit, replay: replay('consignment', 'batch'), data: { ...data, labCode: 'TEST-LAB' }, targets, io });
    expect(sent[0]?.url).toBe('http://127.0.0.1:8081/icmr/consignments');
    expect(sent[0]?.region).toBe('tirupati');
    expect(JSON.parse(sent[0]?.body ?? '')).toMatchObject({ srfIds: ['SRF1', 'SRF2'], labCode: 'TEST-LAB' });
    expect(samples[0]).toMatchObject({ step: 'createConsignment', outcome: 'done', region: 'tirupati', nic: 'CN1' });
  });

  it('keeps no slip when no later visit reads one', () => {
    const { io, put } = fakeIo({ answers: { register: done({ uhid: 'UH1', visitId: 'V1' }) } });
    replayVisit({ visit: { entity: 'pt-4', record, steps: [{ name: 'register', thinkMs: 0 }] }, replay: replay('registration', 'none', true), data: { ...data, slipsNeeded: false }, targets, io });
    expect(put).toEqual({});
  });

  it('verifies a new patient\'s mobile with the OTP read off the phone, then registers', () => {
    const { io, sent, samples } = fakeIo({ answers: { sendOtp: done({ otpId: 'OTP1' }), verifyOtp: done({ otpId: 'OTP1', verificationId: 'VOTP1' }), register: done({ uhid: 'UH1', visitId: 'V1' }) } });
    io.phone = { inbox: () => [{ messageId: 'OTP1', text: '424242 is your OTP for registration.' }] };
    const visit: Visit = { entity: 'pt-9', record, steps: [{ name: 'otp-send', thinkMs: 0 }, { name: 'otp-verify', thinkMs: 0 }, { name: 'register', thinkMs: 0 }] };
    replayVisit({ visit, replay: replay('registration', 'none', true), data, targets, io });
    expect(sent.map(({ step, body }) => [step, JSON.parse(body ?? '{}')])).toEqual([
      ['sendOtp', { mobile: '+919876543210', purpose: 'registration' }],
      ['verifyOtp', { otpId: 'OTP1', otp: '424242' }],
      ['register', expect.objectContaining({ visitType: 'new' })],
    ]);
    expect(samples.map(({ step, outcome, nic }) => [step, outcome, nic])).toEqual([['sendOtp', 'done', 'OTP1'], ['verifyOtp', 'done', 'VOTP1'], ['register', 'done', 'V1']]);
  });
});
