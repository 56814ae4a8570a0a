// Driving the two demo checkouts like a shopper. Filling uses the merchant-side helpers from
// @tokenframe/sdk/testing (waitForReady, fillCard), exactly as a merchant's own suite would.
import type { Page } from '@playwright/test';
import { fillCard, waitForReady, type CardInput } from '@tokenframe/sdk/testing';
import { e2eEnv } from './e2e-env';
import { expect } from './test';

export type Demo = 'script' | 'react' | 'react-elements';
export const DEMOS: readonly Demo[] = ['script', 'react', 'react-elements'];

/** The display names both demos use in data-testid="result" ("Visa ending in 4242") and the status ("Paid · Visa ending in 4242 · …"). */
export const BRAND_NAMES: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
  diners: 'Diners Club',
  jcb: 'JCB',
  unionpay: 'UnionPay',
  maestro: 'Maestro',
  mir: 'Mir',
  elo: 'Elo',
  hipercard: 'Hipercard',
  cartes_bancaires: 'Cartes Bancaires',
};

export function demoUrl(demo: Demo): string {
  const { urls } = e2eEnv();
  return demo === 'script' ? `${urls.demo}/` : demo === 'react' ? `${urls.demoReact}/` : `${urls.demoReact}/?mode=elements`;
}

/** Opens a demo and waits until its three split fields can be typed in and Pay is enabled. */
export async function openDemo(page: Page, demo: Demo = 'script'): Promise<void> {
  await page.goto(demoUrl(demo));
  await waitForReady(page, { count: 3 });
  await expect(payButton(page)).toBeEnabled();
}

export const payButton = (page: Page) => page.getByRole('button', { name: /pay/i });

export async function payWith(page: Page, card: CardInput): Promise<void> {
  await fillCard(page, card);
  await payButton(page).click();
}

/**
 * The receipt both demos show once the shop's backend charged the token through the vault and the
 * processor: "Paid · Visa ending in 4242 · authorization PPS123456" in the status region, the
 * charge id and the token. `network`: a co-badged card's chosen network, which both demos add
 * ("… ending in 1001 via Mastercard"). Returns the charge id (for the processor's ledger).
 */
export async function expectPaid(page: Page, brand: string, pan: string, network?: string): Promise<string> {
  const via = network === undefined ? '' : ` via ${BRAND_NAMES[network] ?? network}`;
  const card = `${BRAND_NAMES[brand] ?? brand} ending in ${pan.slice(-4)}${via}`;
  const status = page.getByTestId('status');
  await expect(status).toHaveText(new RegExp(`^Paid · ${card} · authorization PPS\\d+$`), { timeout: 15_000 });
  await expect(status).toHaveAttribute('role', 'status');
  await expect(page.getByTestId('result')).toHaveText(card);
  await expect(page.getByTestId('token')).toHaveText(/^tok_[A-Za-z0-9_-]{8,}$/);
  await expect(page.getByTestId('charge')).toHaveText(/^ch_[A-Za-z0-9]{8,}$/);
  await expect(page.getByRole('heading', { name: 'Payment complete' })).toBeFocused();
  return (await page.getByTestId('charge').textContent()) ?? '';
}

/** A field frame by type, for typing into it directly. */
export const fieldFrame = (page: Page, type: string) =>
  page.locator(`iframe[src*="/frames/v1/field.html?type=${type}&"]`).first().contentFrame();
