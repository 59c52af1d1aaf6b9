import { describe, expect, it } from 'vitest';
import { parseVendorMapping } from '../../contract/index.ts';
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

  it('records a done payment\'s qrId as nic and the utr NIC issued later as nicLater', () => {
    const { io, samples } = fakeIo({ answers: { onlinePayment: done({ qrId: 'QR1', utr: '123456789012' }) }, slips: { 'pt-9': { uhid: 'UH9', visitId: 'V9' } } });
    replayVisit({ visit: { entity: 'pt-9', steps: [{ name: 'online-payment', thinkMs: 0 }] }, replay: replay('registration', 'own'), data, targets, io });
    expect(samples).toEqual([{ step: 'onlinePayment', outcome: 'done', entity: 'pt-9.onlinePayment', nic: 'QR1', nicLater: '123456789012' }]);
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

  describe('with a vendor mapping', () => {
    // A vendor with its own paths, field names, correlation header and outcome field (as examples/vendor-arogya).
    const mapping = parseVendorMapping({
      raw: {
        vendor: 'Test HIS',
        correlationHeader: 'X-Request-Ref',
        steps: {
          register: {
            method: 'POST',
            path: '/api/encounters',
            body: { 'person.fullName': 'patient.name', 'person.sex': { from: 'patient.gender', map: { female: 'F' } }, kind: { from: 'visitType', map: { new: 'FIRST' } } },
            reply: { state: 'result.state', done: ['CONFIRMED'], queued: ['HELD'], ids: { uhid: 'result.crNo', visitId: 'result.encounterId' }, provisionalId: 'result.holdRef' },
          },
          fetchReport: { method: 'GET', path: '/api/orders/{orderId}/report', reply: { ids: { orderId: 'result.orderRef' } } },
        },
      },
    });
    const vendorData = { ...scriptData({ scenarios: {}, replays: {}, series: {}, counts: {} }, mapping), slipsNeeded: true };
    const visit: Visit = { entity: 'pt-7', record, steps: [{ name: 'register', thinkMs: 0 }] };

    it("sends a mapped step in the vendor's API and reads a done answer's ids back under the contract's names", () => {
      const { io, sent, samples, put } = fakeIo({ answers: { register: { status: 200, body: { result: { state: 'CONFIRMED', crNo: 'CR-1', encounterId: 'E-1' } } } } });
      replayVisit({ visit, replay: replay('registration', 'none', true), data: vendorData, targets, io });
      expect(sent[0]).toMatchObject({ method: 'POST', url: 'http://127.0.0.1:8080/api/encounters', headers: { 'X-Request-Ref': 'pt-7.register', 'content-type': 'application/json' } });
      expect(JSON.parse(sent[0]?.body ?? '')).toEqual({ person: { fullName: 'Asha Devi', sex: 'F' }, kind: 'FIRST' });
      expect(samples).toEqual([{ step: 'register', outcome: 'done', entity: 'pt-7.register', nic: 'E-1' }]);
      expect(put['pt-7']).toMatchObject({ uhid: 'CR-1', visitId: 'E-1' });
    });

    it("keeps the vendor's hold reference as the provisional ids of a queued answer, and fails an unknown state", () => {
      const held = fakeIo({ answers: { register: { status: 200, body: { result: { state: 'HELD', holdRef: 'H-9' } } } } });
      replayVisit({ visit, replay: replay('registration', 'none', true), data: vendorData, targets, io: held.io });
      expect(held.samples.map(({ outcome }) => outcome)).toEqual(['queued']);
      expect(held.put['pt-7']).toMatchObject({ uhid: 'H-9', visitId: 'H-9' });
      const odd = fakeIo({ answers: { register: { status: 200, body: { result: { state: 'MAYBE' } } } } });
      replayVisit({ visit, replay: replay('registration', 'none', true), data: vendorData, targets, io: odd.io });
      expect(odd.samples.map(({ outcome }) => outcome)).toEqual(['failed']);
    });

    it("a done answer without the id the step's ledger line carries is invalid, as with the contract", () => {
      const { io, samples } = fakeIo({ answers: { register: { status: 200, body: { result: { state: 'CONFIRMED', crNo: 'CR-1', encounterId: '' } } } } });
      replayVisit({ visit, replay: replay('registration', 'none', true), data: vendorData, targets, io });
      expect(samples.map(({ outcome }) => outcome)).toEqual(['invalid']);
    });

    it("fills a mapped GET's path from the slip", () => {
      const { io, sent } = fakeIo({ slips: { 'pt-7': { orderId: 'ORD 5' } } });
      replayVisit({ visit: { entity: 'pt-7', steps: [{ name: 'report', thinkMs: 0 }] }, replay: replay('report', 'own'), data: vendorData, targets, io });
      expect(sent.map(({ method, url, body }) => [method, url, body])).toEqual([['GET', 'http://127.0.0.1:8080/api/orders/ORD%205/report', null]]);
    });
  });
});
