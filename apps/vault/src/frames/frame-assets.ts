import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/**
 * The frames origin's hashed, immutable assets (the on-demand locale chunks; each document's own
 * script and stylesheet are inline), read once and kept with their brotli and gzip forms, so they
 * arrive in a third of the bytes and no request reads the disk or compresses again. A missing file
 * is not remembered (a build may land while the vault runs). The documents use the same encodings.
 */
export type AssetEncoding = 'br' | 'gzip' | 'identity';

/** Bytes on their own ArrayBuffer (a valid fetch `BodyInit` under both Node's and the DOM's types). */
type Bytes = Uint8Array<ArrayBuffer>;

/** One text in every encoding it is served in. */
export interface Encoded {
  identity: Bytes;
  br?: Bytes;
  gzip?: Bytes;
}

/** Text assets worth compressing; fonts and images already are. */
const COMPRESSIBLE = /\.(js|css|svg|map)$/;
/** Asset names are hashed, so the set only grows with rebuilds: past this, serve without caching. */
const MAX_ENTRIES = 256;
const br = promisify(brotliCompress);
const gz = promisify(gzip);

export class FrameAssets {
  readonly #dir: string;
  readonly #cache = new Map<string, Promise<Encoded>>();

  constructor(dir: string) {
    this.#dir = dir;
  }

  /** The asset in the best encoding the client accepts, or undefined when there is no such file. */
  async get(name: string, acceptEncoding: string | undefined): Promise<{ body: Bytes; encoding: AssetEncoding } | undefined> {
    let entry = this.#cache.get(name);
    if (!entry) {
      entry = this.#load(name);
      if (this.#cache.size < MAX_ENTRIES) this.#cache.set(name, entry);
      entry.catch(() => this.#cache.delete(name));
    }
    try {
      return pickEncoding(await entry, acceptEncoding);
    } catch {
      return undefined;
    }
  }

  async #load(name: string): Promise<Encoded> {
    const identity = new Uint8Array(await readFile(join(this.#dir, name)));
    return COMPRESSIBLE.test(name) ? compress(identity) : { identity };
  }
}

/** Brotli (quality 11) and gzip (level 9) forms of a text, made off the event loop. */
export async function compress(identity: Bytes): Promise<Encoded> {
  const [b, g] = await Promise.all([br(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }), gz(identity, { level: 9 })]);
  return { identity, br: new Uint8Array(b), gzip: new Uint8Array(g) };
}

/** The best form the client accepts: brotli, then gzip, else the text as it is. */
export function pickEncoding(encoded: Encoded, acceptEncoding: string | undefined): { body: Bytes; encoding: AssetEncoding } {
  for (const encoding of ['br', 'gzip'] as const) {
    const body = encoded[encoding];
    if (body && accepts(acceptEncoding, encoding)) return { body, encoding };
  }
  return { body: encoded.identity, encoding: 'identity' };
}

/** RFC 9110 §12.5.3: the coding is listed (or `*`) without `q=0`. */
export function accepts(header: string | undefined, coding: 'br' | 'gzip'): boolean {
  for (const part of (header ?? '').toLowerCase().split(',')) {
    const [token, ...params] = part.split(';').map((s) => s.trim());
    if (token !== coding && token !== '*') continue;
    const q = params.find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  }
  return false;
}
