// The first end-to-end payment: page → frames → token → the shop's backend → @tokenframe/node →
// vault → processor simulator → "Paid" on the page, checked against the processor's own ledger:
// one authorization per order, a double-click charges once, and a decline (the simulator declines
// totals of $1,000–$1,999, the demo's test-mode outcomes) shows its reason to the shopper; the
// vault's charge.succeeded webhook reaches the shop and the paid page says so.
import type { Page } from '@playwright/test';
import { VISA } from '../support/cards';
import { expectPaid, openDemo, payButton, type Demo } from '../support/checkout';
import { authsFor, simLedger } from '../support/processor-ledger';
import { fillCard } from '@tokenframe/sdk/testing';
import { expect, test } from '../support/test';

const CARD = { number: VISA, expiry: '12/34', cvc: '123' };

/** Every /api/pay the page sends and what came back (status, charge id). */
function recordPays(page: Page): { id?: string; status: number }[] {
  const pays: { id?: string; status: number }[] = [];
  page.on('response', async (res) => {
    if (!res.url().endsWith('/api/pay')) return;
    const body = (await res.json().catch(() => ({}))) as { charge?: { id: string } };
    pays.push({ status: res.status(), id: body.charge?.id });
  });
  return pays;
}

const newAuths = async (before: number) => (await simLedger()).slice(before).filter((t) => t.kind === 'auth');

for (const demo of ['script', 'react'] as Demo[]) {
  test(`${demo} demo: pay → Paid with the charge; the processor booked exactly one authorization, for $75.00`, async ({ page }) => {
    const before = (await simLedger()).length;
    await openDemo(page, demo);
    await expect(page.getByTestId('order-total')).toHaveText('$75.00');
    await fillCard(page, CARD);
    await payButton(page).click();
    const charge = await expectPaid(page, 'visa', VISA);
    await expect(page.getByTestId('amount')).toHaveText('$75.00');
    await expect(page.getByLabel('Outcome to try')).toBeDisabled(); // a paid order's total stays
    const [auth, ...more] = await authsFor(charge);
    expect(more).toEqual([]);
    expect(auth).toMatchObject({ amount: 7500, captured: 7500, respstat: 'A', last4: '4242', cvvresp: 'M' });
    await expect(page.getByTestId('authcode')).toHaveText(auth!.authcode);
    await expect(page.getByTestId('retref')).toHaveText(auth!.retref);
    expect(await newAuths(before)).toHaveLength(1);
    // The vault's signed charge.succeeded reaches the shop's backend (verified there), and the page says so.
    const webhook = page.getByTestId('webhook');
    await expect(webhook).toHaveAttribute('aria-live', 'polite');
    await expect(webhook).toHaveText(/^Webhooks? received: charge\.succeeded(, token\.created)?$/, { timeout: 15_000 });
  });
}

test('script demo: a double-click on Pay charges once', async ({ page }) => {
  const before = (await simLedger()).length;
  const pays = recordPays(page);
  await openDemo(page, 'script');
  await fillCard(page, CARD);
  await payButton(page).dblclick();
  const charge = await expectPaid(page, 'visa', VISA);
  expect(pays.length).toBeGreaterThan(0);
  expect(pays.every((p) => p.id === charge)).toBe(true);
  expect(await authsFor(charge)).toHaveLength(1);
  expect(await newAuths(before)).toHaveLength(1);
});

test('script demo: the same pay request reaching the shop twice (a double submit) → one charge, both answers name it', async ({ page }) => {
  const before = (await simLedger()).length;
  const answers: string[] = [];
  await page.route('**/api/pay', async (route) => {
    // Both copies at once, as two clicks that both got through would send them.
    const [a, b] = await Promise.all([route.fetch(), route.fetch()]);
    for (const r of [a, b]) answers.push(((await r.json()) as { charge: { id: string } }).charge.id);
    await route.fulfill({ response: b });
  });
  await openDemo(page, 'script');
  await fillCard(page, CARD);
  await payButton(page).click();
  const charge = await expectPaid(page, 'visa', VISA);
  expect(answers).toEqual([charge, charge]);
  expect(await authsFor(charge)).toHaveLength(1);
  expect(await newAuths(before)).toHaveLength(1);
});

for (const demo of ['script', 'react'] as Demo[]) {
  test(`${demo} demo: the "insufficient funds" outcome charges $1,116.00, is declined, and says why; then the approved outcome pays`, async ({
    page,
  }) => {
    const before = (await simLedger()).length;
    await openDemo(page, demo);
    await page.getByLabel('Outcome to try').selectOption('insufficient_funds');
    await expect(payButton(page)).toHaveText('Pay $1,116.00');
    await expect(page.getByTestId('order-total')).toHaveText('$1,116.00');
    await expect(page.getByTestId('test-extra')).toHaveText('+$1,041.00');
    await fillCard(page, CARD);
    await payButton(page).click();
    await expect(page.getByTestId('error')).toHaveText(
      'Your card was declined (Insufficient funds). You have not been charged — please try another card.',
    );
    await expect(page.getByTestId('error')).toHaveAttribute('role', 'alert');
    await expect(page.getByTestId('status')).toBeHidden();
    await expect(payButton(page)).toBeEnabled();
    expect(await newAuths(before)).toMatchObject([
      { requested: 111_600, amount: 0, captured: 0, respstat: 'C', respcode: '116', resptext: 'Insufficient funds' },
    ]);

    // The shopper tries again with the order as it is: a new token, a new charge, paid.
    await page.getByLabel('Outcome to try').selectOption('approve');
    await expect(payButton(page)).toHaveText('Pay $75.00');
    await payButton(page).click();
    const charge = await expectPaid(page, 'visa', VISA);
    expect(await authsFor(charge)).toMatchObject([{ amount: 7500, respstat: 'A' }]);
    expect(await newAuths(before)).toHaveLength(2);
  });
}
