import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { contractSteps } from '../contract/steps.ts';
import { k6Script } from './k6Script.ts';

describe('k6Script', () => {
  const script = k6Script({ options: { scenarios: {} }, slipsNeeded: false });

  it('takes every step route from the client contract', () => {
    const embedded = JSON.parse(/const contract: [^=]+= (.*);\n/.exec(script)?.[1] ?? '{}') as Record<string, { method: string; path: string }>;
    for (const step of Object.values(contractSteps)) expect(embedded[step.name]).toEqual({ method: step.method, path: step.path });
  });

  it('fills path parameters from the slip (fetchReport: /lab/reports/:orderId)', () => {
    const pattern = /path\.replace\(\/(.+?)\/g,/.exec(script)?.[1];
    const filled = contractSteps.fetchReport.path.replace(new RegExp(pattern as string, 'g'), (_, name: string) => encodeURIComponent(String({ orderId: 'ORD 7' }[name])));
    expect(filled).toBe('/lab/reports/ORD%207');
  });

  it('keeps slips only when a later visit reads them', () => {
    expect(script).toContain('const slipsNeeded = false;');
    expect(k6Script({ options: {} })).toContain('const slipsNeeded = true;');
  });

  describe('readAnswer (the generated function, transpiled and run)', () => {
    type ReadAnswer = (status: number, body: string | null, keep: string[], ledgerId?: string) => { outcome: string; ids: Record<string, unknown>; nicId?: string };
    const source = /\nfunction readAnswer\([\s\S]*?\n}\n/.exec(script)?.[0] ?? '';
    const readAnswer = new Function(`${ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText}\nreturn readAnswer;`)() as ReadAnswer;
    const done = (nic: unknown) => JSON.stringify({ status: 'done', correlationId: 'pt-1.register', nic });

    it('gives a done write the NIC id its step\'s ledger line carries (register: visitId)', () => {
      const ledgerIds = JSON.parse(/const ledgerIds: [^=]+= (.*);\n/.exec(script)?.[1] ?? '{}') as Record<string, string>;
      expect(ledgerIds.register).toBe('visitId');
      expect(readAnswer(200, done({ uhid: 'UH1', visitId: 'V48540001' }), ['uhid', 'visitId'], 'visitId')).toEqual({ outcome: 'done', ids: { uhid: 'UH1', visitId: 'V48540001' }, nicId: 'V48540001' });
      expect(readAnswer(201, done({ resultId: 17 }), [], 'resultId').nicId).toBe('17');
    });

    it('encodes the claimed id so that it cannot break the metadata column, and cuts it to 128 characters', () => {
      expect(readAnswer(200, done({ visitId: 'V1&nic=V2' }), [], 'visitId').nicId).toBe('V1%26nic%3DV2');
      expect(readAnswer(200, done({ visitId: 'x'.repeat(500) }), [], 'visitId').nicId).toHaveLength(128);
    });

    it('calls a done write without its NIC id invalid, and gives reads and queued answers no claim', () => {
      expect(readAnswer(200, done({ uhid: 'UH1' }), ['uhid'], 'visitId')).toEqual({ outcome: 'invalid', ids: {} });
      expect(readAnswer(200, done({ visitId: '' }), [], 'visitId').outcome).toBe('invalid');
      expect(readAnswer(200, done({ orderId: 'LO1', reportStatus: 'final' }), [], undefined)).toEqual({ outcome: 'done', ids: {} });
      expect(readAnswer(202, JSON.stringify({ status: 'queued', correlationId: 'pt-1.register', provisionalId: 'P1' }), ['uhid'], 'visitId')).toEqual({ outcome: 'queued', ids: { uhid: 'P1' } });
    });
  });
});
