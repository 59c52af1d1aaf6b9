import { describe, expect, it } from 'vitest';
import { canonicalBareHost, canonicalHost } from './canonicalHost.ts';
import { checkTarget } from './checkTarget.ts';

/** Spellings of a government host that a naive comparison lets through (issue 14, item 3). */
const hostileGovernmentUrls = [
  'http://ehospital.nic.in.', // refused: trailing dot
  'http://ehospital.nic.in..:8080', // refused: two trailing dots
  'http://x.nic.in%2e', // refused: percent-encoded dot
  'http://ehospital.nic%2ein',
  'http://EHOSPITAL.NIC.IN',
  'http://ehospital\u3002nic\u3002in', // ideographic full stop
  'http://ehospital\uff0enic\uff0ein', // full-width full stop
  'http://ehospital\uff61nic\uff61in', // half-width ideographic full stop
  'http://\uff4e\uff49\uff43.\uff49\uff4e', // full-width letters
  'http://e\u00adhospital.nic.in', // soft hyphen
  'http://127.0.0.1@ehospital.nic.in', // userinfo that looks like loopback
  'http://127.0.0.1:80@ors.gov.in/x',
  'https://ORS.Gov.In./x',
  'http://nic.in',
  'http://gov.in.',
];

describe('checkTarget', () => {
  it('accepts loopback in every notation', () => {
    for (const url of ['http://127.0.0.1:8080', 'http://localhost:3000/x', 'http://localhost.:3000', 'http://127.4.5.6', 'http://[::1]:8080', 'http://[0:0:0:0:0:0:0:1]', 'http://2130706433:8080', 'http://0x7f.1', 'http://0177.0.0.1', 'http://127.1', 'http://[::ffff:127.0.0.1]:8080', 'http://ehospital.nic.in@127.0.0.1:8080']) { // none is refused: each is loopback
      expect(() => checkTarget({ url, allowHosts: [] }), url).not.toThrow();
    }
  });

  it('refuses other hosts unless named with --allow-host, compared canonically', () => {
    expect(() => checkTarget({ url: 'http://10.0.0.5:8080', allowHosts: [] })).toThrow(/--allow-host 10\.0\.0\.5/);
    expect(() => checkTarget({ url: 'http://hmis.vendor.example:8080', allowHosts: ['hmis.vendor.example'] })).not.toThrow();
    expect(() => checkTarget({ url: 'http://HMIS.vendor.example.:8080', allowHosts: ['hmis.VENDOR.example'] })).not.toThrow();
    expect(() => checkTarget({ url: 'http://167772165', allowHosts: ['10.0.0.5'] })).not.toThrow();
    expect(() => checkTarget({ url: 'http://[::ffff:10.0.0.5]', allowHosts: ['0xa.0.0.5'] })).not.toThrow();
    expect(() => checkTarget({ url: 'http://[2001:db8::1]', allowHosts: ['2001:db8:0:0:0:0:0:1'] })).not.toThrow();
    expect(() => checkTarget({ url: 'http://10.0.0.6', allowHosts: ['10.0.0.5'] })).toThrow(/refusing to send load to 10\.0\.0\.6/);
    expect(() => checkTarget({ url: 'http://[::ffff:10.0.0.5]', allowHosts: [] })).toThrow(/--allow-host 10\.0\.0\.5/);
  });

  it.each(hostileGovernmentUrls)('refuses the government host %s whatever --allow-host says, and names no bypass', (url) => {
    const host = new URL(url).hostname;
    const attempt = () => checkTarget({ url, allowHosts: [host, `${host}.`, 'ehospital.nic.in', 'ehospital.nic.in.', 'ors.gov.in'] });
    expect(attempt).toThrow(/never targets/);
    expect(attempt).not.toThrow(/--allow-host/);
  });

  it('returns the URL it checked, so the run loads the host that was checked', () => {
    expect(checkTarget({ url: 'http://2130706433:8080', allowHosts: [] })).toBe('http://127.0.0.1:8080');
    expect(checkTarget({ url: 'http://x@127.0.0.1:8080/api/', allowHosts: [] })).toBe('http://127.0.0.1:8080/api');
  });

  it('explains a URL or an --allow-host that does not parse', () => {
    expect(() => checkTarget({ url: 'localhost:8080x', allowHosts: [] })).toThrow();
    expect(() => checkTarget({ url: 'not a url', allowHosts: [] })).toThrow(/not a URL/);
    expect(() => checkTarget({ url: 'http://x.nic.in%252e', allowHosts: [] })).toThrow(/not a URL/); // refused as no URL at all
    expect(() => checkTarget({ url: 'http://10.0.0.5', allowHosts: ['10.0.0.5:8080'] })).toThrow(/--allow-host: not a host name/);
  });
});

describe('canonicalHost', () => {
  it.each([
    ['ehospital.nic.in.', 'ehospital.nic.in'],
    ['[::1]', '::1'],
    ['[::ffff:7f00:1]', '127.0.0.1'],
    ['[::ffff:a00:5]', '10.0.0.5'],
    ['[2001:db8::1]', '2001:db8::1'],
  ])('%s is %s', (given, expected) => expect(canonicalHost(given)).toBe(expected));

  it('reads a bare host the way a URL would', () => {
    expect(canonicalBareHost('EHOSPITAL.nic.in.')).toBe('ehospital.nic.in');
    expect(canonicalBareHost('::1')).toBe('::1');
    expect(canonicalBareHost('0x7f.1')).toBe('127.0.0.1');
    expect(canonicalBareHost('user@host.example')).toBeUndefined();
    expect(canonicalBareHost('host.example/x')).toBeUndefined();
  });
});
