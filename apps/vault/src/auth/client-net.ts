import { isIP } from 'node:net';
import { canonicalIp } from './ip-ranges';

/** Eight 16-bit groups of an IPv6 address (zone id dropped, a trailing dotted IPv4 part folded in). */
function groups(v6: string): number[] | undefined {
  const text = v6
    .split('%')[0]!
    .replace(
      /(\d+)\.(\d+)\.(\d+)\.(\d+)$/,
      (_m, a: string, b: string, c: string, d: string) => `${((+a << 8) | +b).toString(16)}:${((+c << 8) | +d).toString(16)}`,
    );
  const [left, right] = text.includes('::') ? text.split('::') : [text, undefined];
  const part = (s: string | undefined) => (s ? s.split(':') : []);
  const l = part(left);
  const r = part(right);
  const all = right === undefined ? l : [...l, ...Array<string>(8 - l.length - r.length).fill('0'), ...r];
  return all.length === 8 ? all.map((g) => parseInt(g, 16)) : undefined;
}

/**
 * The client as per-client limits count it (perIp, distinctCardsPerIp, the session limit): an
 * IPv4 address as it is, an IPv6 address as its `/prefix` network (default 64, the smallest block
 * an ISP hands one customer: anyone holding a /64 has 2^64 addresses to rotate through). The
 * result is canonical text like `2001:db8:1:2::/64`, so every address of one network is one key.
 * Secret-key IP allowlists still see the full address (auth/client-ip.ts).
 */
export function clientNet(ip: string, v6Prefix: number): string {
  const c = canonicalIp(ip);
  if (isIP(c) !== 6) return c;
  const g = groups(c);
  if (!g) return c;
  const masked = g.map((n, i) => {
    const keep = Math.max(0, Math.min(16, v6Prefix - i * 16));
    return keep === 0 ? 0 : n & ((0xffff << (16 - keep)) & 0xffff);
  });
  return `${masked
    .map((n) => n.toString(16))
    .join(':')
    .replace(/(^|:)0(:0)+(:|$)/, '::')}/${v6Prefix}`;
}
