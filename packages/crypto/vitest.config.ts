import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'crypto', environment: 'node', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
});
