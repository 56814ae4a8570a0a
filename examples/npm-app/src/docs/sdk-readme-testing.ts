// packages/sdk/README.md: "Testing your checkout (Playwright)".
import type { Page } from '@playwright/test';

declare const page: Page;

// #region packages/sdk/README.md: testing
import { fillCard, waitForReady } from '@tokenframe/sdk/testing';
await waitForReady(page);
await fillCard(page, { number: '4242 4242 4242 4242', expiry: '12/34', cvc: '123' });
// #endregion
