import { isIP, type BlockList } from 'node:net';
import { canonicalIp, ipInRanges, parseIpRanges } from './ip-ranges';

/**
 * `TOKENFRAME_TRUSTED_PROXIES`: space- or comma-separated addresses and CIDR ranges of the load
 * balancers in front of the vault (e.g. `10.0.0.0/8 ::1`). Empty means none: X-Forwarded-For is
 * then ignored entirely, since any client can write that header.
 */
export function parseTrustedProxies(ranges: readonly string[]): BlockList {
  const parsed = parseIpRanges(ranges);
  if (!parsed.ok) throw new Error(`TOKENFRAME_TRUSTED_PROXIES: "${parsed.bad}" is not an IP address or CIDR range.`);
  return parsed.list;
}

/**
 * The client's address: the TCP peer, unless the peer is a trusted proxy; then X-Forwarded-For is
 * read from the right, skipping trusted proxies, and the first untrusted address is the client
 * (entries further left were written by the client itself and prove nothing).
 */
export function clientIpFrom(peer: string, forwardedFor: string | undefined, proxies: BlockList): string {
  let ip = canonicalIp(peer);
  if (!forwardedFor || !ipInRanges(proxies, ip)) return ip;
  const hops = forwardedFor.split(',').map((s) => canonicalIp(s.trim()));
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (isIP(hop) === 0) return ip; // garbage: stop at the last address we could vouch for
    ip = hop;
    if (!ipInRanges(proxies, hop)) return hop;
  }
  return ip;
}
