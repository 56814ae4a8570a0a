import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'processor-sim', environment: 'node', include: ['test/**/*.test.ts'] },
});
