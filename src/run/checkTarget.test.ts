import { describe, expect, it } from 'vitest';
import { checkTarget } from './checkTarget.ts';

describe('checkTarget', () => {
  it('accepts loopback targets', () => {
    for (const url of ['http://127.0.0.1:8080', 'http://localhost:3000/x', 'http://127.4.5.6', 'http://[::1]:8080']) {
      expect(() => checkTarget({ url, allowHosts: [] })).not.toThrow();
    }
  });

  it('refuses other hosts unless named with --allow-host', () => {
    expect(() => checkTarget({ url: 'http://10.0.0.5:8080', allowHosts: [] })).toThrow(/--allow-host 10\.0\.0\.5/);
    expect(() => checkTarget({ url: 'http://hmis.vendor.example:8080', allowHosts: ['hmis.vendor.example'] })).not.toThrow();
  });

  it('refuses government hosts whatever the flags', () => {
    expect(() => checkTarget({ url: 'https://ehospital.nic.in', allowHosts: ['ehospital.nic.in'] })).toThrow(/never targets/); // refused
    expect(() => checkTarget({ url: 'https://ORS.GOV.IN/x', allowHosts: ['ors.gov.in'] })).toThrow(/never targets/);
  });

  it('explains a URL that does not parse', () => {
    expect(() => checkTarget({ url: 'localhost:8080x', allowHosts: [] })).toThrow();
    expect(() => checkTarget({ url: 'not a url', allowHosts: [] })).toThrow(/not a URL/);
  });
});
