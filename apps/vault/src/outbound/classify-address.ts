import { parseIp } from './parse-ip';

/**
 * What an address is, for outbound requests (DESIGN.md "Webhooks", SSRF). `public` may be dialled;
 * `loopback` and `private` only by test-mode objects with TOKENFRAME_ALLOW_PRIVATE_NETWORK=1; every
 * other class never: link-local (cloud metadata at 169.254.169.254), multicast, unspecified,
 * reserved/documentation ranges, and IPv6 forms that embed an IPv4 address (mapped ::ffff:0:0/96,
 * NAT64 64:ff9b::/96 and 64:ff9b:1::/48, 6to4 2002::/16, Teredo 2001::/32, IPv4-compatible ::/96),
 * which could smuggle a private IPv4 address past an IPv4 rule.
 */
export type AddressClass =
  'public' | 'loopback' | 'private' | 'link_local' | 'multicast' | 'unspecified' | 'reserved' | 'embedded_ipv4' | 'invalid';

type Rule = readonly [prefix: string, bits: number, cls: AddressClass];

const V4_RULES: readonly Rule[] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'private'], // CGNAT (RFC 6598)
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link_local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'], // IETF protocol assignments
  ['192.0.2.0', 24, 'reserved'], // TEST-NET-1
  ['192.88.99.0', 24, 'reserved'], // 6to4 relay anycast
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'], // benchmarking
  ['198.51.100.0', 24, 'reserved'], // TEST-NET-2
  ['203.0.113.0', 24, 'reserved'], // TEST-NET-3
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'], // incl. 255.255.255.255
];

const V6_RULES: readonly Rule[] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['::ffff:0:0', 96, 'embedded_ipv4'], // IPv4-mapped
  ['::', 96, 'embedded_ipv4'], // IPv4-compatible (deprecated)
  ['64:ff9b::', 96, 'embedded_ipv4'], // NAT64
  ['64:ff9b:1::', 48, 'embedded_ipv4'], // local-use NAT64
  ['100::', 64, 'reserved'], // discard-only
  ['2001::', 32, 'embedded_ipv4'], // Teredo
  ['2001:db8::', 32, 'reserved'], // documentation
  ['2001::', 23, 'reserved'], // IETF protocol assignments
  ['2002::', 16, 'embedded_ipv4'], // 6to4
  ['fc00::', 7, 'private'], // unique local
  ['fe80::', 10, 'link_local'],
  ['fec0::', 10, 'reserved'], // site-local (deprecated)
  ['ff00::', 8, 'multicast'],
];

function inPrefix(bytes: readonly number[], prefix: readonly number[], bits: number): boolean {
  for (let i = 0; i < bits; i++) {
    const byte = i >> 3;
    const mask = 0x80 >> (i & 7);
    if ((bytes[byte]! & mask) !== (prefix[byte]! & mask)) return false;
  }
  return true;
}

const compile = (rules: readonly Rule[]) => rules.map(([p, bits, cls]) => ({ prefix: parseIp(p)!.bytes, bits, cls }));
const V4 = compile(V4_RULES);
const V6 = compile(V6_RULES);

/** The class of one address in canonical text form; the most specific rule wins (listed order for ties). */
export function classifyAddress(ip: string): AddressClass {
  const parsed = parseIp(ip);
  if (!parsed) return 'invalid';
  const rules = parsed.family === 4 ? V4 : V6;
  let best: { bits: number; cls: AddressClass } | undefined;
  for (const r of rules) {
    if (inPrefix(parsed.bytes, r.prefix, r.bits) && (!best || r.bits > best.bits)) best = r;
  }
  return best?.cls ?? 'public';
}

/** Classes a test-mode object may reach while the vault runs with TOKENFRAME_ALLOW_PRIVATE_NETWORK=1. */
export const PRIVATE_CLASSES: readonly AddressClass[] = ['loopback', 'private'];
