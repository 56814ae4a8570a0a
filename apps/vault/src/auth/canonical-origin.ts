/**
 * Returns `input` if it is exactly a canonical web origin (`scheme://host[:port]`), else undefined.
 * Canonical means the URL parser gives back the same string: no path, query, fragment, userinfo,
 * trailing slash, default port, upper case, or wildcard. Origins are then compared with `===` only
 * (STYLE.md §4). 'null' and non-http(s) schemes are refused.
 */
export function canonicalOrigin(input: string): string | undefined {
  if (typeof input !== 'string' || input.length > 255) return undefined;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.origin !== input) return undefined;
  // The parser keeps '*' and other oddities in host names; an allowed origin is a plain DNS name or IP.
  if (!/^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])$/.test(url.hostname)) return undefined;
  return input;
}
