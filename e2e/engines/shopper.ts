// A shopper on the demo checkouts, in any engine: open, click into a field and type, pay, read what
// the page shows. Fields are found by their frame URL (`field.html?type=cardNumber&…`).
import { e2eEnv } from '../support/e2e-env';
import { run, waitFor, type Tab } from './tab';

export type FieldType = 'cardNumber' | 'cardExpiry' | 'cardCvc' | 'cardholderName' | 'postalCode';
export const SPLIT: readonly FieldType[] = ['cardNumber', 'cardExpiry', 'cardCvc'];

/** The frame-matching string for a field frame. */
export const field = (type: FieldType): string => `/frames/v1/field.html?type=${type}&`;
const INPUT = 'input.tf-input';

export function demoUrl(demo: 'script' | 'react'): string {
  const { urls } = e2eEnv();
  return demo === 'script' ? `${urls.demo}/` : `${urls.demoReact}/`;
}

/** Opens a page and waits until each field frame shows its input and Pay is enabled. */
export async function openCheckout(tab: Tab, url: string, types: readonly FieldType[] = SPLIT, pay = 'button.pay'): Promise<void> {
  await tab.goto(url);
  for (const type of types)
    await waitFor(`the ${type} input`, () => run(tab, (s) => document.querySelector(s) !== null, [INPUT], field(type)), Boolean, 15_000);
  await waitFor(
    'Pay to be enabled',
    () => run(tab, (s) => document.querySelector<HTMLButtonElement>(s)?.disabled === false, [pay]),
    Boolean,
    15_000,
  );
}

/** Clicks into a field, as a shopper does, and types. */
export async function typeInto(tab: Tab, type: FieldType, text: string): Promise<void> {
  await tab.click(INPUT, field(type));
  await tab.type(text);
}

export async function fillCard(tab: Tab, card: Partial<Record<FieldType, string>>): Promise<void> {
  for (const [type, text] of Object.entries(card)) await typeInto(tab, type as FieldType, text);
}

export const inputState = (tab: Tab, type: FieldType) =>
  run(
    tab,
    (s) => {
      const input = document.querySelector<HTMLInputElement>(s);
      const described = document.getElementById(input?.getAttribute('aria-describedby') ?? '');
      return {
        value: input?.value,
        active: document.activeElement === input,
        invalid: input?.getAttribute('aria-invalid'),
        live: described?.getAttribute('aria-live'),
        announced: described?.textContent ?? '',
      };
    },
    [INPUT],
    field(type),
  );

/**
 * The field that keys go to: the field frame that is the page's active element, read from the top
 * page alone. WebKitGTK's WebDriver focuses a frame when it switches into it (any `run` in a frame):
 * a check that depends on focus must not read frames between its key presses. (Inside a frame,
 * `document.hasFocus()` is then true, and a frame that lost focus keeps its own activeElement.)
 */
export const keyboardTarget = (tab: Tab): Promise<FieldType | null> =>
  run(
    tab,
    () => new URL(document.activeElement?.getAttribute('src') ?? '/', location.href).searchParams.get('type'),
    [],
  ) as Promise<FieldType | null>;

export const waitForFocus = (tab: Tab, type: FieldType) =>
  waitFor(
    `keys to go to ${type}`,
    () => keyboardTarget(tab),
    (f) => f === type,
    5_000,
  );

export const textOf = (tab: Tab, selector: string) => run(tab, (s) => document.querySelector(s)?.textContent?.trim() ?? null, [selector]);

/**
 * The paid view of either demo: the status "Paid · Visa ending in 4242 · authorization PPS…" (the
 * shop's backend charged the token through the vault and the processor), the card and the token.
 * `network`: a co-badged card's chosen network, shown as "… ending in 1001 via Mastercard".
 */
export async function expectPaid(tab: Tab, brand: string, pan: string, network?: string): Promise<string> {
  const card = `${brand} ending in ${pan.slice(-4)}${network === undefined ? '' : ` via ${network}`}`;
  const paid = new RegExp(`^Paid · ${card} · authorization PPS\\d+$`);
  await waitFor(
    '"Paid" in the status region',
    () => textOf(tab, '[role="status"][data-testid="status"]'),
    (t) => paid.test(t ?? ''),
    15_000,
  );
  await waitFor(
    'the card shown',
    () => textOf(tab, '[data-testid="result"]'),
    (t) => t === card,
  );
  const token = await waitFor(
    'a token',
    () => textOf(tab, '[data-testid="token"]'),
    (t) => /^tok_[A-Za-z0-9_-]{8,}$/.test(t ?? ''),
  );
  return token!;
}
