import { defineProject } from 'vitest/config';

// Node by default (SSR import, bundle, import boundaries, diagnosis against a real HTTP server);
// DOM tests opt into happy-dom per file. Frame documents are never loaded there: the fake
// transport in test/fake-transport.ts stands in for the channel and the frames.
export default defineProject({
  test: {
    name: 'sdk',
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
