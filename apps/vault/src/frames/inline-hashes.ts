/**
 * The CSP hashes of a built frame document's inline `<script>` and `<style>` blocks (the frame build
 * inlines its entry script and stylesheet: apps/frame/build/inline-document.ts). The CSP then allows
 * exactly those blocks (`'sha256-…'`), never `'unsafe-inline'`.
 *
 * Read from our own build output, never from request input, and before the server's <meta> config is
 * injected, so nothing added at serving time can become an allowed script. The build guarantees each
 * block is one element with no CR (the HTML parser would normalize CRLF, and the browser would hash
 * something else); a block this reader would misparse simply gets a hash no browser computes, and
 * does not run — it fails closed.
 */
import { createHash } from 'node:crypto';

export interface InlineHashes {
  script: string[];
  style: string[];
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const STYLE = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;

/** CSP source expression of one block's text, as CSP Level 3 hashes it (UTF-8, SHA-256, base64). */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

export function inlineHashes(html: string): InlineHashes {
  const script: string[] = [];
  const style: string[] = [];
  for (const [, attrs = '', text = ''] of html.matchAll(SCRIPT)) {
    // An external script is allowed by 'self' or not at all; its (empty) text is not a block to allow.
    if (!/\ssrc\s*=/i.test(attrs) && text !== '') script.push(cspHash(text));
  }
  for (const [, text = ''] of html.matchAll(STYLE)) if (text !== '') style.push(cspHash(text));
  return { script: [...new Set(script)], style: [...new Set(style)] };
}
