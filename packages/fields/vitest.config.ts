import { playwright } from '@vitest/browser-playwright';
import { defineProject } from 'vitest/config';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';

// The field elements run where they will live: real Chromium (Vitest browser mode), pure logic included.
export default defineProject({
  test: {
    name: 'fields',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      provider: playwright({ launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS } }),
      instances: [{ browser: 'chromium', viewport: { width: 480, height: 320 } }],
    },
  },
});
