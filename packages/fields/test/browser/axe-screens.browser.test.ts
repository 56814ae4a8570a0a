// axe-core in every state, and screenshots of every field type in every state (plus the RTL locale)
// into e2e/screenshots/frames/ (gitignored) for a human to look at.
import axe from 'axe-core';
import { afterEach, describe, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { loadLocale } from '../../src/locale/messages';
import type { InputKind } from '../../src/locale/messages';
import { mountCard, mountInput, settle } from './mount-field';

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.dir = 'ltr';
  document.documentElement.lang = 'en';
});

const TYPING: Record<InputKind | 'card', string> = { number: '4242 42', expiry: '1', cvc: '1', name: 'Jan', postal: '1', card: '4242 42' };
const INVALID: Record<InputKind | 'card', string> = {
  number: '4242424242424241',
  expiry: '0120',
  cvc: '1',
  name: '',
  postal: '1<',
  card: '4242424242424241',
};
const COMPLETE: Record<InputKind | 'card', string[]> = {
  number: ['4242424242424242'],
  expiry: ['1230'],
  cvc: ['123'],
  name: ['Jane Doe'],
  postal: ['10115'],
  card: ['4242424242424242', '1230', '123'],
};
const STATES = ['empty', 'typing', 'invalid', 'complete'] as const;
const TYPES = ['number', 'expiry', 'cvc', 'name', 'postal', 'card'] as const;

async function render(type: (typeof TYPES)[number], state: (typeof STATES)[number], locale = 'en') {
  const mounted = type === 'card' ? await mountCard({ locale }) : await mountInput(type, { locale });
  const inputs = 'inputs' in mounted ? mounted.inputs : [mounted.input];
  await mounted.el.updateComplete;
  if (state === 'typing') {
    await userEvent.click(inputs[0]!);
    await userEvent.keyboard(TYPING[type]);
  } else if (state === 'invalid') {
    await userEvent.click(inputs[0]!);
    if (INVALID[type]) await userEvent.keyboard(INVALID[type]);
    mounted.el.reveal();
    inputs[0]!.blur();
  } else if (state === 'complete') {
    for (const [i, value] of COMPLETE[type].entries()) await userEvent.fill(inputs[i]!, value);
    inputs.at(-1)!.blur();
  }
  await settle();
  return { ...mounted, inputs };
}

describe('axe-core: no violations', () => {
  for (const type of TYPES) {
    test.each(STATES)(`${type} %s`, async (state) => {
      const { box } = await render(type, state);
      const result = await axe.run(box, { resultTypes: ['violations'] });
      expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
    });
  }
});

test('axe: the hidden autofill companions of a split number field', async () => {
  const { box } = await mountInput('number', { autofillCompanions: true });
  const result = await axe.run(box, { resultTypes: ['violations'] });
  expect(result.violations.map((v) => v.id)).toEqual([]);
});

describe('screenshots', () => {
  for (const locale of ['en', 'ar'] as const) {
    for (const type of TYPES) {
      test.each(STATES)(`${locale} ${type} %s`, async (state) => {
        await loadLocale(locale);
        document.documentElement.lang = locale;
        document.documentElement.dir = locale === 'ar' ? 'rtl' : 'ltr';
        const { box } = await render(type, state, locale);
        await settle();
        const path = `../../../../e2e/screenshots/frames/${locale}-${type}-${state}.png`;
        await page.screenshot({ path, element: box });
        expect(box.querySelector('input')).not.toBeNull();
      });
    }
  }
});
