import { isIP } from 'node:net';

/** An address as bytes: 4 for IPv4, 16 for IPv6. */
export type IpBytes = { family: 4; bytes: number[] } | { family: 6; bytes: number[] };

/**
 * Canonical dotted-quad or IPv6 text (what WHATWG URL and dns.lookup produce) to bytes. Odd IPv4
 * forms (`0x7f000001`, `2130706433`, `0177.0.0.1`) never reach this: URL has already normalized
 * them, and anything else that is not plain `isIP` text is not an address (undefined).
 */
export function parseIp(text: string): IpBytes | undefined {
  const family = isIP(text);
  if (family === 4) return { family: 4, bytes: text.split('.').map(Number) };
  if (family !== 6 || text.includes('%')) return undefined; // zone ids (fe80::1%eth0) are never ours to dial
  // A trailing dotted IPv4 part (::ffff:1.2.3.4) becomes its two hex groups (::ffff:102:304).
  const v6 = text.replace(
    /(\d+)\.(\d+)\.(\d+)\.(\d+)$/,
    (_m, a: string, b: string, c: string, d: string) => `${((+a << 8) | +b).toString(16)}:${((+c << 8) | +d).toString(16)}`,
  );
  const [left, right] = v6.includes('::') ? v6.split('::') : [v6, undefined];
  const groups = (s: string | undefined) => (s ? s.split(':') : []);
  const l = groups(left);
  const r = groups(right);
  const all = right === undefined ? l : [...l, ...Array<string>(8 - l.length - r.length).fill('0'), ...r];
  if (all.length !== 8) return undefined;
  const bytes: number[] = [];
  for (const g of all) {
    const n = parseInt(g, 16);
    bytes.push(n >> 8, n & 0xff);
  }
  return { family: 6, bytes };
}
