import { UserError } from '../core/index.ts';
import { canonicalBareHost, canonicalUrlHost, isGovernmentHost, isLoopbackHost } from './canonicalHost.ts';

/**
 * Load goes to loopback unless the user names other hosts with --allow-host; hosts under .gov.in and
 * .nic.in are refused whatever the flags: thap never loads a real NIC service. Every host is compared in
 * its canonical form (canonicalHost.ts). Returns the URL as parsed (origin, path, query; no userinfo), the
 * one the run then uses, so that the host checked is the host loaded.
 */
export function checkTarget({ url, allowHosts }: { url: string; allowHosts: string[] }): string {
  const target = canonicalUrlHost(url);
  if (!target) throw new UserError(`--target: not a URL (got ${JSON.stringify(url)}); write e.g. http://127.0.0.1:8080`);
  const { host } = target;
  refuseGovernmentHost(url);
  if (target.url.protocol !== 'http:' && target.url.protocol !== 'https:') {
    throw new UserError(`--target: only http and https are supported (got ${target.url.protocol}); write e.g. http://127.0.0.1:8080`);
  }
  if (!isLoopbackHost(host) && !allowHosts.some((allowed) => canonicalAllowHost(allowed) === host)) {
    throw new UserError(`refusing to send load to ${host}: thap targets loopback only unless you name the host with --allow-host ${host}`, { code: 'THAP_HOST_NOT_ALLOWED' });
  }
  const { origin, pathname, search } = target.url;
  return `${origin}${pathname.replace(/\/+$/, '')}${search}`;
}

function canonicalAllowHost(text: string): string {
  const host = canonicalBareHost(text);
  if (host === undefined) throw new UserError(`--allow-host: not a host name (got ${JSON.stringify(text)}); give the host alone, e.g. --allow-host hmis.vendor.example`);
  return host;
}

/** Refuses a URL whose host is under .gov.in or .nic.in, in whatever spelling; a URL that does not parse passes. */
export function refuseGovernmentHost(url: string): void {
  const host = canonicalUrlHost(url)?.host;
  if (host !== undefined && isGovernmentHost(host)) {
    throw new UserError(`refusing to send load to ${host}: hosts under .gov.in and .nic.in are never targets; test a client on loopback or on your own host instead`, { code: 'THAP_GOVERNMENT_HOST' });
  }
}
