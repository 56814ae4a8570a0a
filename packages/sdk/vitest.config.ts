import { defineProject } from 'vitest/config';

// Node by default (SSR import, bundle, import boundaries, diagnosis against a real HTTP server);
// DOM tests opt into happy-dom per file. Frame documents are never fetched there (child frames
// stay about:blank): the fake transport in test/fake-transport.ts stands in for channel and frames.
export default defineProject({
  test: {
    name: 'sdk',
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environmentOptions: {
      happyDOM: {
        settings: { enableIframePageLoading: true, disableIframePageLoading: false, navigation: { disableChildFrameNavigation: true } },
      },
    },
  },
});
