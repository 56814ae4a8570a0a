import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The frame documents, served by the vault from dist/frames/v1/ under /frames/v1/. The CSP there has
// no inline script or style: every script and stylesheet must be an external file from 'self', so
// nothing is inlined (no modulepreload polyfill, no inlined assets).
//
// Each document is its own build (`--mode field`, then `--mode controller`): with one build, code both
// use lands in a shared chunk and the field would load the controller's part of it (and vice versa),
// counting against the 20 kB budget of one field document.
export default defineConfig(({ mode }) => {
  const entry = mode === 'controller' ? 'controller' : 'field';
  return {
    base: '/frames/v1/',
    build: {
      outDir: 'dist/frames/v1',
      emptyOutDir: entry === 'field',
      target: 'es2022',
      modulePreload: { polyfill: false },
      assetsInlineLimit: 0,
      rollupOptions: { input: { [entry]: fileURLToPath(new URL(`${entry}.html`, import.meta.url)) } },
    },
  };
});
