import { defineConfig } from 'vitest/config';

// Every package and app is a Vitest project with its own vitest.config.ts (node, happy-dom or
// Chromium browser mode). `pnpm test` runs them all through scripts/test.mjs.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts'],
  },
});
