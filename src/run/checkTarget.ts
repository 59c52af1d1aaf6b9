import { UserError } from '../errors.ts';

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const governmentSuffixes = ['.gov.in', '.nic.in'];

/**
 * Load goes to loopback unless the user names other hosts with --allow-host; hosts under .gov.in and
 * .nic.in are refused whatever the flags: thap never loads a real NIC service.
 */
export function checkTarget({ url, allowHosts }: { url: string; allowHosts: string[] }): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UserError(`--target: not a URL (got ${JSON.stringify(url)}); write e.g. http://127.0.0.1:8080`);
  }
  const host = parsed.hostname.toLowerCase();
  if (governmentSuffixes.some((suffix) => host.endsWith(suffix) || host === suffix.slice(1))) {
    throw new UserError(`refusing to send load to ${host}: hosts under .gov.in and .nic.in are never targets; test a client on loopback instead`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new UserError(`--target: only http and https are supported (got ${parsed.protocol})`);
  }
  const allowed = loopbackHosts.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host) || allowHosts.map((name) => name.toLowerCase()).includes(host);
  if (!allowed) {
    throw new UserError(`refusing to send load to ${host}: thap targets loopback only unless you name the host with --allow-host ${host}`);
  }
}
