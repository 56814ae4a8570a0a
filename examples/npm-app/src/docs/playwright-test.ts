// docs/integration.md "8. Testing your checkout": @tokenframe/sdk/testing in a merchant's own
// Playwright test (type-checked only; scripts/check-packages.mjs runs fillCard for real).
import type { Page } from '@playwright/test';

declare const page: Page;

// #region docs/integration.md: testing
import { fillCard } from '@tokenframe/sdk/testing';
await fillCard(page, { number: '4242 4242 4242 4242', expiry: '12/34', cvc: '123' });
await page.getByRole('button', { name: /Pay/ }).click();
// #endregion
