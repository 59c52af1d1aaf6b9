/**
 * One spelling per host, so that a rule about hosts sees the host the connection would really reach.
 * The WHATWG URL parser (the one every browser and Node use) does most of it: lower case, percent-decoding,
 * Unicode full stops and full-width letters (IDNA mapping), IPv4 in decimal, octal, hex and short forms
 * (`0x7f.1`, `2130706433`, `0177.0.0.1`, `127.1` are all 127.0.0.1), IPv6 compression and userinfo
 * (`http://127.0.0.1@x.nic.in` is x.nic.in). This adds what it leaves: trailing dots (`x.nic.in.` is the
 * same DNS name as `x.nic.in`), the brackets of IPv6 and IPv4-mapped IPv6 (`::ffff:7f00:1` is 127.0.0.1).
 */
export function canonicalHost(hostname: string): string {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(bare);
  if (mapped) {
    const high = Number.parseInt(mapped[1]!, 16);
    const low = Number.parseInt(mapped[2]!, 16);
    return [high >> 8, high & 255, low >> 8, low & 255].join('.');
  }
  return bare.replace(/\.+$/, '');
}

/** The canonical host of a URL, or `undefined` when the text is not a URL. */
export function canonicalUrlHost(url: string): { url: URL; host: string } | undefined {
  if (!URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  return { url: parsed, host: canonicalHost(parsed.hostname) };
}

/**
 * The canonical host of a host name given on its own (an `--allow-host` value): `x.example`, `10.0.0.5`,
 * `[::1]` or `::1`. `undefined` when it is not a host alone (a port, a path or userinfo with it).
 */
export function canonicalBareHost(text: string): string | undefined {
  const bracketed = text.includes(':') && !text.startsWith('[') ? `[${text}]` : text;
  if (!URL.canParse(`http://${bracketed}/`)) return undefined;
  const parsed = new URL(`http://${bracketed}/`);
  if (parsed.username || parsed.password || parsed.port || parsed.pathname !== '/' || parsed.search || parsed.hash) return undefined;
  return canonicalHost(parsed.hostname);
}

/** Hosts under these suffixes are NIC's and the government's: never a load target (README "Commands"). */
const governmentDomains = ['gov.in', 'nic.in'];

export function isGovernmentHost(host: string): boolean {
  return governmentDomains.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
