// Pay, then refund from the receipt, on all three demo sites: the shop's backend refunds the whole
// charge through @tokenframe/node (idempotency key from the charge id), the status region says
// "Refunded $75.00", and the processor's ledger holds exactly one refund of the authorization.
import AxeBuilder from '@axe-core/playwright';
import { VISA } from '../support/cards';
import { DEMOS, expectPaid, openDemo, payButton } from '../support/checkout';
import { authsFor, simLedger, type SimTxn } from '../support/processor-ledger';
import { fillCard } from '@tokenframe/sdk/testing';
import { expect, test } from '../support/test';

const CARD = { number: VISA, expiry: '12/34', cvc: '123' };
type LedgerTxn = SimTxn & { parent?: string; refunded: number };

for (const demo of DEMOS) {
  test(`${demo} demo: pay → Refund (double-clicked) → "Refunded $75.00"; the processor booked one refund of the authorization`, async ({
    page,
  }) => {
    const refunds: number[] = [];
    page.on('response', (res) => void (res.url().endsWith('/api/refund') && refunds.push(res.status())));
    await openDemo(page, demo);
    await fillCard(page, CARD);
    await payButton(page).click();
    const charge = await expectPaid(page, 'visa', VISA);
    const [auth] = await authsFor(charge);

    const refund = page.getByRole('button', { name: 'Refund' });
    await expect(refund).toBeEnabled();
    if (demo === 'script') await page.screenshot({ path: 'test-results/paid-receipt-with-refund.png', fullPage: true });
    await refund.dblclick();
    const status = page.getByTestId('status');
    await expect(status).toHaveText('Refunded $75.00');
    await expect(status).toHaveAttribute('role', 'status');
    await expect(refund).toBeHidden(); // nothing left to refund
    await expect(page.getByRole('heading', { name: 'Payment complete' })).toBeFocused();
    await expect(page.getByTestId('refund-error')).toBeHidden();
    expect(refunds.length).toBeGreaterThan(0);
    expect(refunds.every((s) => s === 200)).toBe(true);
    if (demo === 'script') await page.screenshot({ path: 'test-results/refunded-receipt.png', fullPage: true });
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(
      violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      'axe, the refunded receipt',
    ).toEqual([]);

    const ledger = (await simLedger()) as LedgerTxn[];
    const booked = ledger.filter((t) => t.kind === 'refund' && t.parent === auth!.retref);
    expect(booked).toMatchObject([{ amount: 7500, respstat: 'A' }]);
    expect(ledger.find((t) => t.retref === auth!.retref)).toMatchObject({ captured: 7500, refunded: 7500 });
  });
}
