import { gzipSync } from 'node:zlib';

/** gzip level 9, the level CDNs use for static assets and the one every figure here uses. */
export function gzipSize(data: string | Uint8Array): number {
  return gzipSync(typeof data === 'string' ? Buffer.from(data) : data, { level: 9 }).length;
}
