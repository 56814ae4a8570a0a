import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';

/**
 * Vite wraps every dynamic import (locale chunks, the <tf-card> chunk) in `__vitePreload`, a ~0.7 kB
 * gzip helper that adds <link rel=modulepreload> for the chunk's own imports. Ours import nothing but
 * the entry chunk, which is already running (checked below: the build fails otherwise), so the helper
 * is replaced by a plain call of the import.
 */
function noPreloadHelper(): Plugin {
  const id = '\0vite/preload-helper.js';
  return {
    name: 'tf-no-preload-helper',
    enforce: 'pre',
    resolveId: (source) => (source === id ? id : undefined),
    load: (source) => (source === id ? 'export const __vitePreload = (load) => load();' : undefined),
    generateBundle(_options, bundle) {
      const entries = new Set(Object.values(bundle).flatMap((c) => (c.type === 'chunk' && c.isEntry ? [c.fileName] : [])));
      for (const c of Object.values(bundle)) {
        const extra = c.type === 'chunk' && c.isDynamicEntry ? c.imports.filter((i) => !entries.has(i)) : [];
        if (extra.length) this.error(`${c.fileName} imports ${extra.join(', ')}: nothing would preload it (see noPreloadHelper).`);
      }
    },
  };
}

/** Comments in the frame HTML explain the source; every frame load would download them. */
function stripHtmlComments(): Plugin {
  return { name: 'tf-strip-html-comments', transformIndexHtml: (html) => html.replace(/<!--[\s\S]*?-->\s*/g, '') };
}

// The frame documents, served by the vault from dist/frames/v1/ under /frames/v1/. The CSP there has
// no inline script or style: every script and stylesheet must be an external file from 'self', so
// nothing is inlined (no modulepreload polyfill or links, no inlined assets).
//
// Each document is its own build (`--mode field`, then `--mode controller`): with one build, code both
// use lands in a shared chunk and the field would load the controller's part of it (and vice versa),
// counting against the 20 kB budget of one field document.
export default defineConfig(({ mode }) => {
  const entry = mode === 'controller' ? 'controller' : 'field';
  return {
    base: '/frames/v1/',
    plugins: [noPreloadHelper(), stripHtmlComments()],
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
