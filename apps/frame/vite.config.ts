import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import { inlineDocument, type BuiltFile } from './build/inline-document.ts';

/**
 * Vite wraps every dynamic import (the locale chunks) in `__vitePreload`, a ~0.7 kB gzip helper that
 * adds <link rel=modulepreload> for the chunk's own imports. Ours import nothing at all (inlineEntry
 * fails the build otherwise: the entry they could import is inline), so the helper is replaced by a
 * plain call of the import.
 */
function noPreloadHelper(): Plugin {
  const id = '\0vite/preload-helper.js';
  return {
    name: 'tf-no-preload-helper',
    enforce: 'pre',
    resolveId: (source) => (source === id ? id : undefined),
    load: (source) => (source === id ? 'export const __vitePreload = (load) => load();' : undefined),
  };
}

/** Comments in the frame HTML explain the source; every frame load would download them. */
function stripHtmlComments(): Plugin {
  return { name: 'tf-strip-html-comments', transformIndexHtml: (html) => html.replace(/<!--[\s\S]*?-->\s*/g, '') };
}

/** The entry script and stylesheet go into the document (build/inline-document.ts says why and how). */
function inlineEntry(base: string): Plugin {
  return {
    name: 'tf-inline-entry',
    enforce: 'post',
    generateBundle: {
      // After Vite's own import analysis has replaced its `__VITE_PRELOAD__…` markers in the chunks.
      // Run before it (`enforce: 'post'` alone did), the inlined code kept a marker as an undefined
      // identifier: every locale chunk import threw and the frames showed English for every locale.
      order: 'post',
      handler(_options, bundle) {
        const files: Record<string, BuiltFile> = {};
        for (const [name, f] of Object.entries(bundle)) {
          if (f.type === 'chunk') files[name] = { type: 'chunk', code: f.code, imports: f.imports, dynamicImports: f.dynamicImports };
          else if (name.endsWith('.css'))
            files[name] = { type: 'asset', source: typeof f.source === 'string' ? f.source : new TextDecoder().decode(f.source) };
        }
        for (const f of Object.values(bundle)) {
          if (f.type !== 'asset' || !f.fileName.endsWith('.html')) continue;
          const { html, inlined } = inlineDocument(String(f.source), base, files);
          if (html.includes('__VITE_PRELOAD__')) throw new Error(`${f.fileName}: a Vite preload marker was left in the inlined script.`);
          f.source = html;
          for (const name of inlined) delete bundle[name];
        }
      },
    },
  };
}

// The frame documents, served by the vault from dist/frames/v1/ under /frames/v1/: each with its entry
// script and stylesheet inline (allowed by hash in the vault's CSP), on-demand chunks (locales) as
// files from 'self'. No modulepreload polyfill or links, no inlined images or fonts.
//
// Each document is its own build (`--mode field`, `--mode card`, `--mode controller`): with one build,
// code two of them use lands in a shared chunk, which an inlined entry cannot import, and the field
// would carry the controller's part of it (and vice versa), counting against the 20 kB budget of one
// field document. `card.html` is the document of a `card` field (<tf-card>), so split field documents
// do not carry that element.
const ENTRIES = ['field', 'card', 'controller'] as const;

export default defineConfig(({ mode }) => {
  const entry = ENTRIES.find((e) => e === mode) ?? 'field';
  const base = '/frames/v1/';
  return {
    base,
    plugins: [noPreloadHelper(), stripHtmlComments(), inlineEntry(base)],
    build: {
      outDir: 'dist/frames/v1',
      emptyOutDir: entry === 'field',
      target: 'es2022',
      modulePreload: false,
      assetsInlineLimit: 0,
      rollupOptions: { input: { [entry]: fileURLToPath(new URL(`${entry}.html`, import.meta.url)) } },
    },
  };
});
