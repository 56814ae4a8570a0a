import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';
export default defineConfig({
  testDir: '.', testMatch: 'checkout.spec.ts', timeout: 60_000, workers: 1, reporter: 'list',
  projects: [{ name: 'chromium', use: { browserName: 'chromium', launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS } } }],
});
