import { defineConfig } from 'vite';

/**
 * Two builds (Vite library mode takes one format per multi-entry build):
 * - `vite build`: ESM for npm — dist/index.js (core), dist/elements.js (custom elements),
 *   dist/testing.js (Playwright helpers, Node), dist/no-runtime.js (the empty module behind the
 *   types-only /react, /vue and /svelte entries). Workspace packages (protocol, channel) are bundled.
 * - `vite build --mode iife`: dist/tokenframe.js, the minified script-tag build the vault serves,
 *   defining the global `Tokenframe`.
 * Types come from `tsc -p tsconfig.build.json` into dist/types (scripts/link-types.mjs finishes them).
 */
export default defineConfig(({ mode }) =>
  mode === 'iife'
    ? {
        build: {
          emptyOutDir: false,
          target: 'es2022',
          minify: true,
          lib: { entry: 'src/iife.ts', formats: ['iife'], name: 'TokenframeBundle', fileName: () => 'tokenframe.js' },
        },
      }
    : {
        build: {
          target: 'es2022',
          minify: true,
          lib: {
            entry: {
              index: 'src/index.ts',
              elements: 'src/elements/index.ts',
              testing: 'src/testing/index.ts',
              'no-runtime': 'src/jsx/no-runtime.js',
            },
            formats: ['es'],
          },
          rolldownOptions: { external: ['@playwright/test'] },
        },
      },
);
