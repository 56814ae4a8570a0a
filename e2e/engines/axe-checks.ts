// axe-core inside each field document (the frames are other-origin documents: axe runs in each one)
// in the states a shopper goes through: empty, invalid (after leaving the field), complete.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { INVALID_NUMBER, VISA } from '../support/cards';
import type { Check } from './checks';
import { demoUrl, field, fillCard, inputState, openCheckout, SPLIT, typeInto } from './shopper';
import { assertEqual, run, waitFor, type Tab } from './tab';

// Page-level rules: they apply to the merchant's page, not to a document embedded in it (axe skips
// them in frames itself when it is started from the top page, as @axe-core/playwright does).
const PAGE_LEVEL = { 'landmark-one-main': { enabled: false }, 'page-has-heading-one': { enabled: false }, region: { enabled: false } };
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function violations(tab: Tab, state: string): Promise<string[]> {
  const found: string[] = [];
  for (const type of SPLIT) {
    const loaded = await run(tab, () => 'axe' in window, [], field(type));
    if (!loaded) await tab.evaluate(`(() => { ${AXE}\n; return typeof window.axe; })()`, field(type));
    const v = await run(
      tab,
      async (rules) => {
        const r = await (
          window as unknown as {
            axe: { run(c: Document, o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
          }
        ).axe.run(document, { rules });
        return r.violations.map((x) => `${x.id}: ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      },
      [PAGE_LEVEL],
      field(type),
    );
    found.push(...v.map((x) => `${state} ${type} ${x}`));
  }
  return found;
}

export const axeChecks: Check[] = [
  {
    name: 'axe: no violations in the field documents, empty → invalid → complete',
    async run(tab) {
      await openCheckout(tab, demoUrl('script'));
      // Clicks, not Tab: reading a frame moves WebKitGTK's focus to it (see shopper.ts).
      const found = await violations(tab, 'empty');
      await typeInto(tab, 'cardNumber', INVALID_NUMBER);
      await tab.click('input.tf-input', field('cardExpiry')); // leave the number: its error shows
      await waitFor(
        'the number marked invalid',
        async () => (await inputState(tab, 'cardNumber')).invalid,
        (v) => v === 'true',
      );
      found.push(...(await violations(tab, 'invalid')));
      await tab.click('input.tf-input', field('cardNumber'));
      await tab.press('Control+A');
      await tab.press('Backspace');
      await tab.type(VISA);
      await fillCard(tab, { cardExpiry: '1234', cardCvc: '123' });
      await waitFor(
        'the number valid',
        async () => (await inputState(tab, 'cardNumber')).invalid,
        (v) => v === 'false',
      );
      found.push(...(await violations(tab, 'complete')));
      assertEqual(found, [], 'axe violations');
    },
  },
  {
    name: 'axe: no violations with the network choice of a co-badged card shown',
    async run(tab) {
      await openCheckout(tab, demoUrl('script'));
      await typeInto(tab, 'cardNumber', '4000002500001001'); // Cartes Bancaires with Visa
      await waitFor(
        'the network choice',
        () => run(tab, () => document.querySelectorAll('[role="radiogroup"] input[type="radio"]').length, [], field('cardNumber')),
        (n) => n === 2,
      );
      const found = await violations(tab, 'co-badged');
      await tab.click('input[type="radio"][value="visa"]', field('cardNumber'));
      found.push(...(await violations(tab, 'co-badged, Visa chosen')));
      assertEqual(found, [], 'axe violations');
    },
  },
];
