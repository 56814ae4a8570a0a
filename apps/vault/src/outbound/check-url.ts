import { lookup } from 'node:dns/promises';
import { classifyAddress, PRIVATE_CLASSES, type AddressClass } from './classify-address';

export interface UrlPolicy {
  /** Live mode: https only, a DNS name only (no IP literal), public addresses only. */
  mode: 'test' | 'live';
  /** TOKENFRAME_ALLOW_PRIVATE_NETWORK=1: loopback and private addresses for test mode only. */
  allowPrivate: boolean;
}

export type UrlCheck = { ok: true; url: URL; hostname: string; literal: boolean } | { ok: false; reason: string };
export type AddressCheck = { ok: true; address: string; family: 4 | 6 } | { ok: false; reason: string; unresolved?: true };

const refuse = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

/**
 * The static half of the SSRF rules: scheme, credentials, IP-literal handling. The URL is parsed by
 * WHATWG URL, which normalizes odd IPv4 spellings (`0x7f000001`, `2130706433`, `0177.0.0.1` all
 * become `127.0.0.1`), so a literal is classified as the address it really is.
 */
export function checkUrl(raw: string | URL, policy: UrlPolicy): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse('not a valid absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return refuse(`scheme ${url.protocol} is not allowed (http or https only)`);
  if (policy.mode === 'live' && url.protocol !== 'https:') return refuse('live mode requires https://');
  if (url.username || url.password) return refuse('credentials in the URL are not allowed');
  const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const cls = classifyAddress(hostname);
  const literal = cls !== 'invalid';
  if (literal) {
    if (policy.mode === 'live') return refuse('live mode requires a DNS host name, not an IP address');
    if (!allowed(cls, policy)) return refuse(`${hostname} is a ${cls.replace('_', '-')} address`);
  } else if (!/^[a-z0-9_.-]+$/.test(hostname)) {
    return refuse('the host is not a DNS name');
  }
  return { ok: true, url, hostname, literal };
}

function allowed(cls: AddressClass, policy: UrlPolicy): boolean {
  if (cls === 'public') return true;
  return policy.mode === 'test' && policy.allowPrivate && PRIVATE_CLASSES.includes(cls);
}

/**
 * The dynamic half: resolves the name (every address, as the OS would) and accepts it only if every
 * address is allowed — a name that resolves to one public and one private address is refused, so
 * which one a connection would use cannot matter. Returns the one address to connect to.
 */
export async function resolveChecked(hostname: string, policy: UrlPolicy): Promise<AddressCheck> {
  const cls = classifyAddress(hostname);
  if (cls !== 'invalid')
    return allowed(cls, policy)
      ? { ok: true, address: hostname, family: hostname.includes(':') ? 6 : 4 }
      : refuse(`${hostname} is a ${cls.replace('_', '-')} address`);
  let addrs: { address: string; family: number }[];
  try {
    addrs = await lookup(hostname, { all: true, verbatim: true });
  } catch {
    return { ok: false, reason: `cannot resolve ${hostname}`, unresolved: true };
  }
  if (addrs.length === 0) return { ok: false, reason: `cannot resolve ${hostname}`, unresolved: true };
  for (const a of addrs) {
    const c = classifyAddress(a.address);
    if (!allowed(c, policy)) return refuse(`${hostname} resolves to ${c.replace('_', '-')} address ${a.address}`);
  }
  const first = addrs[0]!;
  return { ok: true, address: first.address, family: first.family === 6 ? 6 : 4 };
}
