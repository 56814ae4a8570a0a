import { BlockList, isIP } from 'node:net';

/** `::ffff:192.0.2.7` → `192.0.2.7`: an IPv4 client on a dual-stack socket is the same client. */
export function canonicalIp(ip: string): string {
  const lower = ip.toLowerCase();
  return lower.startsWith('::ffff:') && isIP(lower.slice(7)) === 4 ? lower.slice(7) : lower;
}

/** One entry, canonical: an address, or `address/bits`; an IPv4-mapped range becomes its IPv4 range. */
function canonicalRange(item: string): { addr: string; bits?: number; family: 4 | 6 } | undefined {
  const parts = item.split('/');
  if (parts.length > 2 || (parts.length === 2 && !/^\d{1,3}$/.test(parts[1]!))) return undefined;
  let bits = parts.length === 2 ? Number(parts[1]) : undefined;
  const raw = parts[0]!.toLowerCase();
  const mapped = raw.startsWith('::ffff:') && isIP(raw.slice(7)) === 4;
  if (mapped && bits !== undefined) {
    if (bits < 96) return undefined; // wider than the mapped block: not an IPv4 range
    bits -= 96;
  }
  const addr = mapped ? raw.slice(7) : raw;
  const family = isIP(addr);
  if (family === 0 || (bits !== undefined && bits > (family === 4 ? 32 : 128))) return undefined;
  return { addr, family: family === 4 ? 4 : 6, ...(bits === undefined ? {} : { bits }) };
}

/**
 * Addresses and CIDR ranges as one matcher (TOKENFRAME_TRUSTED_PROXIES, secret-key IP allowlists).
 * An entry that is neither is returned as `bad`, for the caller to report as it should.
 */
export function parseIpRanges(items: readonly string[]): { ok: true; list: BlockList } | { ok: false; bad: string } {
  const list = new BlockList();
  for (const item of items) {
    const r = canonicalRange(item);
    if (!r) return { ok: false, bad: item };
    const type = r.family === 4 ? 'ipv4' : 'ipv6';
    if (r.bits === undefined) list.addAddress(r.addr, type);
    else list.addSubnet(r.addr, r.bits, type);
  }
  return { ok: true, list };
}

/** Whether `ip` (canonicalized) is in `list`; anything that is not an IP address is not. */
export function ipInRanges(list: BlockList, ip: string): boolean {
  const c = canonicalIp(ip);
  const family = isIP(c);
  return family !== 0 && list.check(c, family === 4 ? 'ipv4' : 'ipv6');
}
