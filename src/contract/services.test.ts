import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clientEnv } from './env.ts';
import { isServiceName, nicUrlVar, serviceNames } from './services.ts';

describe('the NIC services list', () => {
  it('names each service base-URL variable the client contract documents', () => {
    expect(serviceNames.map((service) => nicUrlVar(service))).toEqual(['THAP_NIC_EHOSPITAL_URL', 'THAP_NIC_ICMR_URL', 'THAP_NIC_ABDM_URL', 'THAP_NIC_SMS_URL', 'THAP_NIC_PAYMENT_URL']);
    for (const service of serviceNames) expect(Object.keys(clientEnv), service).toContain(nicUrlVar(service));
  });

  it('tells a service name from any other text', () => {
    expect(serviceNames.every((service) => isServiceName(service))).toBe(true);
    expect(isServiceName('cowin')).toBe(false);
    expect(isServiceName('EHOSPITAL')).toBe(false);
  });

  it('is written out nowhere else in the code', () => {
    const written = /['"]ehospital['"],\s*['"]icmr['"],\s*['"]abdm['"]/;
    const files = execFileSync('git', ['ls-files', '*.ts', '*.js', '*.mjs'], { encoding: 'utf8' }).trim().split('\n');
    const twins = files.filter((file) => !file.endsWith('.test.ts') && file !== 'src/contract/services.ts' && written.test(readFileSync(file, 'utf8')));
    expect(twins).toEqual([]);
  });
});
