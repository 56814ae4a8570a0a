import { BlockList, isIP } from 'node:net';

const plain = (ip: string): string => (ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip);

/**
 * `TOKENFRAME_TRUSTED_PROXIES`: space- or comma-separated addresses and CIDR ranges of the load
 * balancers in front of the vault (e.g. `10.0.0.0/8 ::1`). Empty means none: X-Forwarded-For is
 * then ignored entirely, since any client can write that header.
 */
export function parseTrustedProxies(raw: string | undefined): BlockList {
  const list = new BlockList();
  for (const item of (raw ?? '').split(/[\s,]+/).filter(Boolean)) {
    const [addr = '', bits] = item.split('/');
    const family = isIP(addr);
    if (!family || (bits !== undefined && !/^\d{1,3}$/.test(bits))) throw new Error(`TOKENFRAME_TRUSTED_PROXIES: "${item}" is not an IP address or CIDR range.`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) list.addAddress(addr, type);
    else list.addSubnet(addr, Number(bits), type);
  }
  return list;
}

function trusted(list: BlockList, ip: string): boolean {
  const family = isIP(ip);
  return family !== 0 && list.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The client's address: the TCP peer, unless the peer is a trusted proxy; then X-Forwarded-For is
 * read from the right, skipping trusted proxies, and the first untrusted address is the client
 * (entries further left were written by the client itself and prove nothing).
 */
export function clientIpFrom(peer: string, forwardedFor: string | undefined, proxies: BlockList): string {
  let ip = plain(peer);
  if (!forwardedFor || !trusted(proxies, ip)) return ip;
  const hops = forwardedFor.split(',').map((s) => plain(s.trim()));
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (isIP(hop) === 0) return ip; // garbage: stop at the last address we could vouch for
    ip = hop;
    if (!trusted(proxies, hop)) return hop;
  }
  return ip;
}
