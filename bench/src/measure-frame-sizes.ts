import { PROTOCOL_VERSION } from '@tokenframe/protocol';
import type { BenchStack } from './bench-stack';
import { gzipSize } from './gzip-size';

export interface DocumentSize {
  rawBytes: number;
  gzipBytes: number;
  files: { url: string; rawBytes: number; gzipBytes: number }[];
}

/**
 * One frame document as the vault serves it (HTML with the injected server config) plus every
 * script and stylesheet it references, each gzipped on its own as a server would send it.
 */
export async function measureFrameDocument(stack: BenchStack, doc: 'field' | 'controller'): Promise<DocumentSize> {
  const q = new URLSearchParams({
    ...(doc === 'field' ? { type: 'cardNumber' } : {}),
    pk: stack.pk,
    origin: new URL(stack.pageUrl).origin,
    v: PROTOCOL_VERSION,
  });
  const htmlUrl = `${stack.framesUrl}/frames/v1/${doc}.html?${q}`;
  const res = await fetch(htmlUrl);
  if (!res.ok) throw new Error(`${htmlUrl}: HTTP ${res.status} (are the frames built? pnpm build)`);
  const html = new Uint8Array(await res.arrayBuffer());
  const text = new TextDecoder().decode(html);
  const refs = [...text.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => new URL(m[1]!, htmlUrl).href);
  const files = [{ url: `/frames/v1/${doc}.html`, rawBytes: html.byteLength, gzipBytes: gzipSize(html) }];
  for (const url of new Set(refs)) {
    const body = new Uint8Array(await (await fetch(url)).arrayBuffer());
    files.push({ url: new URL(url).pathname, rawBytes: body.byteLength, gzipBytes: gzipSize(body) });
  }
  return { rawBytes: files.reduce((n, f) => n + f.rawBytes, 0), gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0), files };
}
