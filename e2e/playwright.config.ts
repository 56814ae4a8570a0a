// Playwright across three real sites: merchant pages on localhost, frames on 127.0.0.1, attackers on
// 127.0.0.2 (DESIGN.md, "The origins"). Uses the system Chromium found by scripts/chromium.mjs.
// Each fixture server is one `webServer` entry; add more entries (vault, demos) to the list below.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs';

const CHANNEL_FIXTURE_PORT = 4310;

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  // The whole system (vault + both demos) and the fixture sites, started once: support/global-setup.ts.
  globalSetup: './support/global-setup.ts',
  expect: { timeout: 10_000 }, // frames load from a second server on a shared 2-core machine
  fullyParallel: false,
  workers: 1, // a 2-core machine shared with others: one browser at a time
  // In CI one retry, so a focus race in headless Chromium does not sink a submission; a test that needed
  // it is still reported as flaky (Playwright's list and scripts/test.mjs both print it) and must be fixed.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'test-results/playwright.json' }]],
  use: { trace: 'off' },
  projects: [
    {
      name: 'chromium',
      use: { browserName: 'chromium', launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS } },
    },
  ],
  webServer: [
    {
      name: 'channel fixtures',
      command: 'node fixtures/channel/server.mjs',
      url: `http://127.0.0.1:${CHANNEL_FIXTURE_PORT}/page.html`,
      env: { CHANNEL_FIXTURE_PORT: String(CHANNEL_FIXTURE_PORT) },
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
