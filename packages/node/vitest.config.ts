import { defineProject } from 'vitest/config';

// Every test talks to a real vault over real HTTP on ephemeral ports (test/support/test-vault.ts).
export default defineProject({
  test: { name: 'node', environment: 'node', include: ['test/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 30_000 },
});
