// What every engine must do for a shopper, written once against `Tab` (tab.ts) and run by run.ts in
// Firefox and WebKit. The Chromium suite (Playwright, e2e/checkout, a11y, security) covers the
// same ground in more depth; these are the paths where engines are known to differ: focus across
// frames, keyboard, paste, live regions, frame reloads, cross-site messaging.
import { join } from 'node:path';
import { INVALID_NUMBER, MASTERCARD, VISA } from '../support/cards';
import { axeChecks } from './axe-checks';
import { securityChecks } from './security-checks';
import {
  SPLIT,
  demoUrl,
  expectPaid,
  field,
  fillCard,
  inputState,
  keyboardTarget,
  openCheckout,
  textOf,
  typeInto,
  waitForFocus,
} from './shopper';
import { lookupToken } from '../support/vault-lookup';
import { assertEqual, run, waitFor, type Tab } from './tab';

const CB_MASTERCARD = '5555552500001001';

/** The network radio that is checked / has focus inside the number frame (co-badged cards). */
const networkState = (tab: Tab) =>
  run(
    tab,
    () => ({
      checked: document.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.value ?? null,
      focused:
        (document.activeElement as HTMLInputElement | null)?.type === 'radio' ? (document.activeElement as HTMLInputElement).value : null,
    }),
    [],
    field('cardNumber'),
  );

async function backendNetwork(token: string): Promise<string | undefined> {
  const found = await lookupToken(token);
  return (found.body.card as { network?: string }).network;
}

export interface Check {
  name: string;
  /** `out`: the folder for screenshots and other artefacts of the run. */
  run(tab: Tab, out: string): Promise<void>;
}

const pay = (tab: Tab) => tab.click('button.pay');

export const CHECKS: Check[] = [
  {
    name: 'script-tag demo: fill, pay, Paid',
    async run(tab, out) {
      await openCheckout(tab, demoUrl('script'));
      await fillCard(tab, { cardNumber: VISA, cardExpiry: '1234', cardCvc: '123' });
      assertEqual((await inputState(tab, 'cardNumber')).value, '4242 4242 4242 4242', 'the number as shown');
      await tab.screenshot(join(out, `${tab.engine}-script-filled.png`));
      await pay(tab);
      await expectPaid(tab, 'Visa', VISA);
    },
  },
  {
    name: 'React demo: fill, pay, Paid',
    async run(tab) {
      await openCheckout(tab, demoUrl('react'));
      await fillCard(tab, { cardNumber: MASTERCARD, cardExpiry: '1234', cardCvc: '123' });
      await pay(tab);
      await expectPaid(tab, 'Mastercard', MASTERCARD);
    },
  },
  {
    name: 'keyboard only: Tab in, type, auto-advance, Enter submits',
    async run(tab) {
      await openCheckout(tab, demoUrl('script'));
      await waitFor(
        'Tab to reach the card number',
        async () => (await tab.press('Tab'), (await keyboardTarget(tab)) === 'cardNumber'),
        Boolean,
        10_000,
      );
      await tab.type(VISA);
      await waitForFocus(tab, 'cardExpiry');
      await tab.type('1234');
      await waitForFocus(tab, 'cardCvc');
      await tab.type('123');
      await tab.press('Enter');
      await expectPaid(tab, 'Visa', VISA);
      // Read after paying: reading a frame moves WebKitGTK's focus to it (shopper.ts).
      assertEqual(
        await Promise.all(SPLIT.map(async (t) => (await inputState(tab, t)).value)),
        ['4242 4242 4242 4242', '12 / 34', '123'],
        'what was typed',
      );
    },
  },
  {
    name: 'keyboard only: Tab and Shift+Tab walk through the fields to Pay',
    async run(tab) {
      await openCheckout(tab, demoUrl('script'));
      await waitFor(
        'Tab to reach the card number',
        async () => (await tab.press('Tab'), (await keyboardTarget(tab)) === 'cardNumber'),
        Boolean,
        10_000,
      );
      for (const [key, to] of [
        ['Tab', 'cardExpiry'],
        ['Tab', 'cardCvc'],
        ['Shift+Tab', 'cardExpiry'],
        ['Tab', 'cardCvc'],
      ] as const) {
        await tab.press(key);
        await waitForFocus(tab, to);
      }
      await tab.press('Tab');
      await waitFor('Pay to have focus', () => run(tab, () => document.activeElement?.matches('button.pay'), []), Boolean, 5_000);
    },
  },
  ...['4242 4242 4242 4242', '4242-4242-4242-4242'].map((copied): Check => ({
    name: `paste "${copied}" copied from the page`,
    async run(tab) {
      await openCheckout(tab, demoUrl('script'));
      // The shopper selects the number in some text on the page and copies it (the real clipboard).
      await run(
        tab,
        (text) => {
          const source = document.createElement('textarea');
          source.id = 'copy-source';
          source.value = text;
          document.body.prepend(source);
        },
        [copied],
      );
      await tab.click('#copy-source');
      await tab.press('Control+A');
      await tab.press('Control+C');
      await tab.click('input.tf-input', field('cardNumber'));
      await tab.press('Control+V');
      await waitFor(
        'the pasted number',
        async () => (await inputState(tab, 'cardNumber')).value,
        (v) => v === '4242 4242 4242 4242',
      );
      await fillCard(tab, { cardExpiry: '1234', cardCvc: '123' });
      await pay(tab);
      await expectPaid(tab, 'Visa', VISA);
    },
  })),
  {
    name: 'an invalid number: shown, announced, and Pay says why',
    async run(tab) {
      await openCheckout(tab, demoUrl('script'));
      await typeInto(tab, 'cardNumber', INVALID_NUMBER);
      await tab.press('Tab'); // leave the field
      const message = 'Your card number is invalid.';
      await waitFor(
        'the message under the field',
        () => textOf(tab, '[data-error-for="cardNumber"]'),
        (t) => t === message,
      );
      assertEqual(
        await run(tab, () => document.querySelector('[data-error-for="cardNumber"]')?.getAttribute('aria-live'), []),
        'polite',
        'the merchant page announces it',
      );
      const state = await inputState(tab, 'cardNumber');
      assertEqual(
        [state.invalid, state.live, state.announced],
        ['true', 'polite', message],
        'inside the frame: aria-invalid, live region, its text',
      );
      await pay(tab);
      await waitFor(
        'the alert',
        () => run(tab, () => document.querySelector('[role="alert"]:not([hidden])')?.textContent?.trim(), []),
        (t) => t === 'Please check the card details above.',
      );
      await waitForFocus(tab, 'cardNumber');
    },
  },
  {
    name: 'leaving the number by a click into the expiry: error shown, focus ring moves',
    async run(tab) {
      await openCheckout(tab, demoUrl('script'));
      await typeInto(tab, 'cardNumber', INVALID_NUMBER);
      await tab.click('input.tf-input', field('cardExpiry'));
      // Read from the merchant page only: what the SDK's events told it.
      await waitFor(
        'the message under the number',
        () => textOf(tab, '[data-error-for="cardNumber"]'),
        (t) => t === 'Your card number is invalid.',
      );
      const rings = () =>
        run(tab, () => [...document.querySelectorAll('.input--focus')].map((b) => (b as HTMLElement).dataset['field']), []);
      await waitFor('the focus ring on the expiry alone', rings, (r) => JSON.stringify(r) === '["cardExpiry"]');
    },
  },
  {
    name: 'a field frame that reloads comes back empty and still pays',
    async run(tab) {
      await openCheckout(tab, demoUrl('script'));
      await typeInto(tab, 'cardNumber', '4242 42');
      await run(tab, () => void setTimeout(() => location.reload(), 0), [], field('cardNumber'));
      await waitFor(
        'the reloaded, empty field',
        async () => (await inputState(tab, 'cardNumber')).value,
        (v) => v === '',
        15_000,
      );
      await fillCard(tab, { cardNumber: VISA, cardExpiry: '1234', cardCvc: '123' });
      await pay(tab);
      await expectPaid(tab, 'Visa', VISA);
    },
  },
  {
    name: 'co-badged card: click Mastercard on a Cartes Bancaires number, pay, the backend reads card.network',
    async run(tab) {
      await openCheckout(tab, demoUrl('script'));
      await typeInto(tab, 'cardNumber', CB_MASTERCARD);
      await waitFor(
        'the network choice',
        () => networkState(tab),
        (s) => s.checked === 'cartes_bancaires',
      );
      await tab.click('input[type="radio"][value="mastercard"]', field('cardNumber'));
      await waitFor(
        'Mastercard selected',
        () => networkState(tab),
        (s) => s.checked === 'mastercard',
      );
      await fillCard(tab, { cardExpiry: '1234', cardCvc: '123' });
      await pay(tab);
      const token = await expectPaid(tab, 'Cartes Bancaires', CB_MASTERCARD, 'Mastercard');
      assertEqual(await backendNetwork(token), 'mastercard', 'card.network from GET /v1/tokens/:id');
    },
  },
  {
    // Not Shift+Tab back across frames after auto-advance: in WebKit that never reaches the previous
    // field (docs/integration.md, "Engine differences"). Tab and Shift+Tab inside the number frame do.
    name: 'co-badged card, keyboard only: the BIN, Tab to the network, ArrowRight, Shift+Tab back, finish, Enter pays',
    async run(tab) {
      await openCheckout(tab, demoUrl('script'));
      await waitFor(
        'Tab to reach the card number',
        async () => (await tab.press('Tab'), (await keyboardTarget(tab)) === 'cardNumber'),
        Boolean,
        10_000,
      );
      await tab.type(CB_MASTERCARD.slice(0, 8));
      await waitFor(
        'the network choice',
        () => networkState(tab),
        (s) => s.checked === 'cartes_bancaires',
      );
      await tab.press('Tab');
      await waitFor(
        'focus on the checked network',
        () => networkState(tab),
        (s) => s.focused === 'cartes_bancaires',
      );
      await tab.press('ArrowRight');
      await waitFor(
        'Mastercard focused and selected',
        () => networkState(tab),
        (s) => s.focused === 'mastercard' && s.checked === 'mastercard',
      );
      await tab.press('Shift+Tab');
      await waitFor(
        'back in the number',
        () => run(tab, () => document.activeElement?.classList.contains('tf-input') ?? false, [], field('cardNumber')),
        Boolean,
      );
      await tab.press('End'); // keyboard focus selects the digits typed so far: go past them
      await tab.type(CB_MASTERCARD.slice(8));
      await waitForFocus(tab, 'cardExpiry');
      await tab.type('1234');
      await waitForFocus(tab, 'cardCvc');
      await tab.type('123');
      await tab.press('Enter');
      const token = await expectPaid(tab, 'Cartes Bancaires', CB_MASTERCARD, 'Mastercard');
      assertEqual(await backendNetwork(token), 'mastercard', 'card.network from GET /v1/tokens/:id');
    },
  },
  ...securityChecks,
  ...axeChecks,
];
