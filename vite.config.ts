import { defineConfig } from 'vitest/config';

// The workspace's top-level Vite config. Vite itself builds per package (packages/sdk and
// apps/frame have their own vite.config.ts); this file holds the Vitest projects: every package and
// app is one, with its own vitest.config.ts (node, happy-dom or Chromium browser mode).
// `pnpm test` runs them all through scripts/test.mjs; `pnpm exec vitest run --project <name>` runs one.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts'],
  },
});
