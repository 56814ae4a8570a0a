import { readFile, stat } from 'node:fs/promises';
import { compress, type Encoded } from './frame-assets';
import { inlineHashes, type InlineHashes } from './inline-hashes';

const NONE: InlineHashes = { script: [], style: [] };

/**
 * The CSP of a frame document served for `origin` (DESIGN.md "The channel", step 2). `origin` has
 * already passed canonicalOrigin() and the key's allow-list, so it holds no spaces or semicolons;
 * the API origin and font hosts come from server configuration only; `inline` are the hashes of the
 * document's own inline script and style blocks (inline-hashes.ts), the only inline code it may run.
 */
export function frameCsp(origin: string, apiOrigin: string, fontHosts: readonly string[], inline: InlineHashes = NONE): string {
  return [
    `frame-ancestors ${origin}`,
    "default-src 'none'",
    ["script-src 'self'", ...inline.script].join(' '),
    ["style-src 'self'", ...inline.style].join(' '),
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
  /** The HTML as served (server config injected), in every encoding (frame-assets.ts, compress). */
  body: Encoded;
  /** Hashes of its inline script and style blocks, for frameCsp. */
  inline: InlineHashes;
}

/** The built documents: a `card` field gets card.html (<tf-card>), every other field field.html. */
export type FrameDocumentName = 'field.html' | 'card.html' | 'controller.html';

/**
 * Reads and prepares a frame document once per file change (the build may land while the vault runs).
 * Compressed once, ahead: with its script and stylesheet inline a document is ~50 kB, ~16 kB as brotli.
 * It reflects nothing from the request and holds no secret, so compressing it leaks nothing.
 */
export class FrameDocuments {
  readonly #dir: string;
  readonly #apiOrigin: string;
  readonly #fontHosts: readonly string[];
  readonly #cache = new Map<string, { mtimeMs: number; doc: Promise<FrameDocument> }>();

  constructor(dir: string, apiOrigin: string, fontHosts: readonly string[]) {
    this.#dir = dir;
    this.#apiOrigin = apiOrigin;
    this.#fontHosts = fontHosts;
  }

  async get(name: FrameDocumentName): Promise<FrameDocument | undefined> {
    const file = `${this.#dir}/${name}`;
    let mtimeMs: number;
    try {
      mtimeMs = (await stat(file)).mtimeMs;
    } catch {
      return undefined;
    }
    const hit = this.#cache.get(name);
    if (hit?.mtimeMs === mtimeMs) return hit.doc;
    const doc = this.#load(file);
    this.#cache.set(name, { mtimeMs, doc });
    // A file that vanished between stat and read is not remembered: the next request looks again.
    return doc.catch(() => {
      if (this.#cache.get(name)?.doc === doc) this.#cache.delete(name);
      return undefined;
    });
  }

  async #load(file: string): Promise<FrameDocument> {
    const built = await readFile(file, 'utf8');
    const html = injectConfig(built, this.#apiOrigin, this.#fontHosts);
    // Hashed before the <meta> config goes in: only blocks of our build can ever be allowed.
    return { body: await compress(new TextEncoder().encode(html) as Uint8Array<ArrayBuffer>), inline: inlineHashes(built) };
  }
}
