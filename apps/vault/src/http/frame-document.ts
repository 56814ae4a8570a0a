import { readFileSync, statSync } from 'node:fs';
import { preloadLinks } from './preload-links';

/**
 * The CSP of a frame document served for `origin` (DESIGN.md "The channel", step 2). `origin` has
 * already passed canonicalOrigin() and the key's allow-list, so it holds no spaces or semicolons;
 * the API origin and font hosts come from server configuration only.
 */
export function frameCsp(origin: string, apiOrigin: string, fontHosts: readonly string[]): string {
  return [
    `frame-ancestors ${origin}`,
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src ${apiOrigin}`,
    `font-src ${fontHosts.length ? fontHosts.join(' ') : "'none'"}`,
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const escapeAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Inserts the server's configuration as <meta> tags right after <head>; never request input. */
export function injectConfig(html: string, apiOrigin: string, fontHosts: readonly string[]): string {
  const meta = `<meta name="tf-api-origin" content="${escapeAttr(apiOrigin)}"><meta name="tf-font-hosts" content="${escapeAttr(fontHosts.join(' '))}">`;
  const m = /<head(\s[^>]*)?>/i.exec(html);
  if (!m) return `${meta}${html}`;
  const at = m.index + m[0].length;
  return html.slice(0, at) + meta + html.slice(at);
}

export interface FrameDocument {
  html: string;
  /** `Link` preloads of the document's own scripts/stylesheets (see preload-links.ts). */
  link: string | undefined;
}

/** Reads and prepares a frame document once per file change (the build may land while the vault runs). */
export class FrameDocuments {
  readonly #dir: string;
  readonly #apiOrigin: string;
  readonly #fontHosts: readonly string[];
  readonly #cache = new Map<string, { mtimeMs: number; doc: FrameDocument }>();

  constructor(dir: string, apiOrigin: string, fontHosts: readonly string[]) {
    this.#dir = dir;
    this.#apiOrigin = apiOrigin;
    this.#fontHosts = fontHosts;
  }

  get(name: 'field.html' | 'controller.html'): FrameDocument | undefined {
    const file = `${this.#dir}/${name}`;
    let mtimeMs: number;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      return undefined;
    }
    const hit = this.#cache.get(name);
    if (hit?.mtimeMs === mtimeMs) return hit.doc;
    const built = readFileSync(file, 'utf8');
    const doc = { html: injectConfig(built, this.#apiOrigin, this.#fontHosts), link: preloadLinks(built) };
    this.#cache.set(name, { mtimeMs, doc });
    return doc;
  }
}
