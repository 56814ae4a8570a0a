import { isIP } from 'node:net';

/**
 * Second-level labels under which registrations are common (`shop.co.uk`): without the Public
 * Suffix List, a two-letter country TLD with one of these below it counts as a public suffix.
 */
const COMMON_SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'edu', 'ac', 'or', 'ne', 'go', 'gv']);

/** The registrable part of a host, approximately (IP addresses and single labels are their own site). */
export function siteOf(host: string): string {
  const h = host
    .replace(/^\[|\]$/g, '')
    .toLowerCase()
    .replace(/\.$/, '');
  if (isIP(h) !== 0) return h;
  const labels = h.split('.');
  if (labels.length <= 2) return h;
  const [sld, tld] = labels.slice(-2) as [string, string];
  const keep = tld.length === 2 && COMMON_SECOND_LEVEL.has(sld) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/**
 * Whether two origins are schemeful same-site (same scheme, same registrable domain; ports do not
 * matter). Then Chromium may put a page of one and a frame of the other in one renderer process.
 * Approximate without the Public Suffix List: it may call two hosts under a private suffix
 * (`a.github.io`, `b.github.io`) same-site, never the reverse, so it is used for warnings only.
 */
export function sameSite(a: string, b: string): boolean {
  let x: URL;
  let y: URL;
  try {
    [x, y] = [new URL(a), new URL(b)];
  } catch {
    return false;
  }
  return x.protocol === y.protocol && siteOf(x.hostname) === siteOf(y.hostname);
}
