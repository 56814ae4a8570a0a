/**
 * Puts a frame document's entry script and stylesheet into the document itself.
 *
 * Why: DESIGN.md's mount budget (mount → ready ≤ 1.3 × the floor of four blank frames). Four frames
 * share one renderer; each fetched its document, then its script and stylesheet, then booted. Served
 * as one response, a frame boots as soon as its document arrives (measured: apps/frame/README.md,
 * "Load path"). The vault allows exactly these blocks by their SHA-256 (apps/vault/src/frames/
 * inline-hashes.ts), so the CSP stays free of 'unsafe-inline'.
 *
 * Requirements:
 * - only Vite's own tags are replaced (`<script type="module" crossorigin src>`, `<link rel="stylesheet"
 *   crossorigin href>` under `base`); any other script or stylesheet tag left in the document fails;
 * - the entry imports nothing statically, no chunk imports the entry (an inlined entry cannot be
 *   imported: a second copy would run), and on-demand chunks import nothing (nothing preloads them);
 * - on-demand chunks (locales) stay files: their `import()` specifiers become absolute, since an inline
 *   script resolves relative ones against the document, not against `assets/`;
 * - the text must stay one script / style element for the HTML parser: no `</script`, `</style`, `<!--`
 *   or `<script` inside, and no CR (the parser would turn CRLF into LF and the hash would not match).
 */
import { posix } from 'node:path';

export type BuiltFile =
  { type: 'chunk'; code: string; imports: readonly string[]; dynamicImports: readonly string[] } | { type: 'asset'; source: string };

const SCRIPT_TAG = /<script type="module" crossorigin src="([^"]+)"><\/script>/g;
const STYLE_TAG = /<link rel="stylesheet" crossorigin href="([^"]+)">/g;
const LEFTOVER = /<script\b[^>]*\bsrc=|<link\b[^>]*\brel="?stylesheet/i;

/** Returns the document with its entry inlined, and the file names it inlined (the caller drops them). */
export function inlineDocument(
  html: string,
  base: string,
  files: Readonly<Record<string, BuiltFile>>,
): { html: string; inlined: string[] } {
  const inlined: string[] = [];
  const file = (url: string): [string, BuiltFile] => {
    const name = url.startsWith(base) ? url.slice(base.length) : '';
    const found = files[name];
    if (!found) throw new Error(`${url} is not a file of this build under ${base}.`);
    inlined.push(name);
    return [name, found];
  };
  let out = html.replace(SCRIPT_TAG, (_tag, url: string) => {
    const [name, chunk] = file(url);
    if (chunk.type !== 'chunk') throw new Error(`${name} is not a script chunk.`);
    if (chunk.imports.length)
      throw new Error(`${name} imports ${chunk.imports.join(', ')}: an inlined entry must import nothing statically.`);
    for (const [other, f] of Object.entries(files)) {
      if (f.type === 'chunk' && (f.imports.includes(name) || f.dynamicImports.includes(name)))
        throw new Error(`${other} imports the entry ${name}: inlined, it would run a second copy.`);
    }
    for (const target of chunk.dynamicImports) {
      const t = files[target];
      // Nothing would preload a chunk's own imports (vite.config.ts, noPreloadHelper): a waterfall.
      if (t?.type === 'chunk' && t.imports.length)
        throw new Error(`${target} imports ${t.imports.join(', ')}: on-demand chunks must import nothing.`);
    }
    return `<script type="module">${checked(absoluteImports(name, chunk.code, chunk.dynamicImports, base), 'script')}</script>`;
  });
  out = out.replace(STYLE_TAG, (_tag, url: string) => {
    const [name, css] = file(url);
    if (css.type !== 'asset') throw new Error(`${name} is not a stylesheet.`);
    return `<style>${checked(css.source.trim(), 'style')}</style>`;
  });
  if (LEFTOVER.test(out))
    throw new Error('The document still references a script or stylesheet that was not inlined (has Vite changed its tags?).');
  return { html: out, inlined };
}

/** `import('./de-x.js')` (relative to the chunk's folder) → `import('/frames/v1/assets/de-x.js')`. */
function absoluteImports(name: string, code: string, targets: readonly string[], base: string): string {
  let out = code;
  for (const target of targets) {
    let rel = posix.relative(posix.dirname(name), target);
    if (!rel.startsWith('.')) rel = `./${rel}`;
    let found = false;
    for (const q of ['`', '"', "'"]) {
      const from = `import(${q}${rel}${q})`;
      if (!out.includes(from)) continue;
      found = true;
      out = out.split(from).join(`import(${q}${base}${target}${q})`);
    }
    if (!found) throw new Error(`${name}: no import() of ${rel} to make absolute.`);
  }
  return out;
}

function checked(text: string, element: 'script' | 'style'): string {
  const bad = /<\/script|<\/style|<!--|<script/i.exec(text)?.[0] ?? (text.includes('\r') ? 'CR' : undefined);
  if (bad) throw new Error(`An inlined ${element} contains "${bad}": it would not parse as one element (or hash as built).`);
  return text;
}
