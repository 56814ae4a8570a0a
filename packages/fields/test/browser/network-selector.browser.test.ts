// Co-badged cards (EU IFR art. 8): the network selector inside the number input and <tf-card>, in real
// Chromium: when it shows, equal marks, radio-group semantics, keyboard-only choice, the merchant's
// default, the choice in `change` and in the values the frame seals, localized, axe-clean.
import axe from 'axe-core';
import { afterEach, describe, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { selectedNetwork } from '../../src/network-choice';
import { loadLocale } from '../../src/locale/messages';
import { mountCard, mountInput, settle } from './mount-field';

afterEach(() => document.body.replaceChildren());

const CB_VISA = '4000002500001001';
const CB_MASTERCARD = '5555552500001001';

const radios = (root: Element) => [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
const checked = (root: Element) => radios(root).find((r) => r.checked)?.value;

describe('selectedNetwork', () => {
  test.each([
    [['visa'], undefined, undefined, undefined], // one network: no choice
    [undefined, 'visa', 'visa', undefined],
    [['cartes_bancaires', 'visa'], undefined, undefined, 'cartes_bancaires'],
    [['cartes_bancaires', 'visa'], undefined, 'visa', 'visa'],
    [['cartes_bancaires', 'visa'], 'cartes_bancaires', 'visa', 'cartes_bancaires'], // the shopper's pick wins
    [['cartes_bancaires', 'mastercard'], 'visa', 'visa', 'cartes_bancaires'], // neither fits this number
    [['cartes_bancaires', 'mastercard'], 'visa', 'mastercard', 'mastercard'],
  ])('%j picked %s preferred %s → %s', (networks, picked, preferred, expected) => {
    expect(selectedNetwork(networks, picked, preferred)).toBe(expected);
  });
});

describe('number input', () => {
  test('a single-network number shows one brand mark and no choice', async () => {
    const { el, input, lastChange } = await mountInput('number');
    await userEvent.fill(input, '4242424242424242');
    await settle();
    expect(radios(el)).toEqual([]);
    expect(el.querySelectorAll('svg.tf-brand')).toHaveLength(1);
    expect(lastChange()).not.toHaveProperty('network');
    expect(el.readValues()).toEqual({ number: '4242 4242 4242 4242' });
  });

  test('a Cartes Bancaires number gets a radio group of its networks, the same size each, CB first by default', async () => {
    const { el, input, lastChange } = await mountInput('number');
    await userEvent.fill(input, CB_MASTERCARD);
    await settle();
    const group = page.getByRole('radiogroup', { name: 'Card network' });
    await expect.element(group).toBeVisible();
    expect(radios(el).map((r) => r.value)).toEqual(['cartes_bancaires', 'mastercard']);
    expect(page.getByRole('radio', { name: 'Cartes Bancaires' }).element()).toBe(radios(el)[0]);
    expect(page.getByRole('radio', { name: 'Mastercard' }).element()).toBe(radios(el)[1]);
    // Equal visual weight: every mark has the same box, neither is dimmed.
    const marks = [...el.querySelectorAll<SVGElement>('.tf-network svg.tf-brand')];
    expect(marks.map((m) => m.dataset['brand'])).toEqual(['cartes_bancaires', 'mastercard']);
    const boxes = marks.map((m) => m.getBoundingClientRect());
    expect(boxes[0]!.width).toBeGreaterThan(10);
    expect(boxes.map((b) => [b.width, b.height])).toEqual([
      [boxes[0]!.width, boxes[0]!.height],
      [boxes[0]!.width, boxes[0]!.height],
    ]);
    expect(marks.map((m) => getComputedStyle(m).opacity)).toEqual(['1', '1']);
    expect(checked(el)).toBe('cartes_bancaires');
    expect(lastChange()).toEqual({
      empty: false,
      complete: true,
      brand: 'cartes_bancaires',
      networks: ['cartes_bancaires', 'mastercard'],
      network: 'cartes_bancaires',
    });
    expect(el.readValues()).toEqual({ number: '5555 5525 0000 1001', network: 'cartes_bancaires' });
  });

  test('the field keeps its height when the selector appears', async () => {
    const { el, input } = await mountInput('number');
    const before = el.getBoundingClientRect().height;
    await userEvent.fill(input, CB_VISA);
    await settle();
    expect(radios(el)).toHaveLength(2);
    expect(el.getBoundingClientRect().height).toBe(before);
  });

  test('keyboard only: Tab from the number reaches the checked network, arrows choose, Enter submits', async () => {
    const { el, input, events, lastChange } = await mountInput('number');
    await userEvent.click(input);
    await userEvent.keyboard(CB_MASTERCARD);
    await settle();
    await userEvent.tab();
    expect(document.activeElement).toBe(radios(el)[0]);
    await userEvent.keyboard('{ArrowRight}');
    await settle();
    expect(document.activeElement).toBe(radios(el)[1]);
    expect(checked(el)).toBe('mastercard');
    expect(lastChange()?.network).toBe('mastercard');
    expect(el.readValues().network).toBe('mastercard');
    await userEvent.keyboard('{Enter}');
    expect(events.at(-1)?.name).toBe('tf-submit');
    // Moving between the number and its radios is not a blur of the field.
    expect(events.map((e) => e.name).filter((n) => n === 'tf-focus' || n === 'tf-blur')).toEqual(['tf-focus']);
  });

  test('the choice appears with the BIN; moving to it from an incomplete number is not leaving the field (no error yet)', async () => {
    const { el, input, lastChange } = await mountInput('number');
    await userEvent.click(input);
    await userEvent.keyboard('55555525');
    await settle();
    expect(radios(el).map((r) => r.value)).toEqual(['cartes_bancaires', 'mastercard']);
    await userEvent.tab();
    await userEvent.keyboard('{ArrowRight}');
    await settle();
    expect(lastChange()).toEqual({
      empty: false,
      complete: false,
      brand: 'cartes_bancaires',
      networks: ['cartes_bancaires', 'mastercard'],
      network: 'mastercard',
    });
    await userEvent.tab({ shift: true });
    expect(document.activeElement).toBe(input);
    input.blur(); // now the field is left: the error shows
    await settle();
    expect(lastChange()?.error?.code).toBe('incomplete_number');
  });

  test('a click on a mark selects it (the radio covers its mark)', async () => {
    const { el, input, lastChange } = await mountInput('number');
    await userEvent.fill(input, CB_VISA);
    await settle();
    const mark = el.querySelector('.tf-network:nth-child(2) svg')!.getBoundingClientRect();
    const hit = document.elementFromPoint(mark.x + mark.width / 2, mark.y + mark.height / 2);
    expect(hit).toBe(radios(el)[1]);
    await userEvent.click(el.querySelector('.tf-network:nth-child(2)')!);
    await settle();
    expect(checked(el)).toBe('visa');
    expect(lastChange()?.network).toBe('visa');
  });

  test("the merchant's preferredNetwork is selected first, until the shopper picks", async () => {
    const { el, input, lastChange } = await mountInput('number', { preferredNetwork: 'mastercard' });
    await userEvent.fill(input, CB_MASTERCARD);
    await settle();
    expect(checked(el)).toBe('mastercard');
    expect(lastChange()?.network).toBe('mastercard');
    await userEvent.click(page.getByRole('radio', { name: 'Cartes Bancaires' }));
    el.preferredNetwork = 'mastercard';
    await settle();
    expect(checked(el)).toBe('cartes_bancaires');
    // A preference this number cannot route on falls back to the card's first network.
    el.clear();
    el.preferredNetwork = 'visa';
    await userEvent.fill(input, CB_MASTERCARD);
    await settle();
    expect(checked(el)).toBe('cartes_bancaires');
  });

  test('a new number with other networks resets the choice; clear() forgets it', async () => {
    const { el, input, lastChange } = await mountInput('number');
    await userEvent.fill(input, CB_VISA);
    await settle();
    await userEvent.click(page.getByRole('radio', { name: 'Visa' }));
    await userEvent.fill(input, CB_MASTERCARD);
    await settle();
    expect(radios(el).map((r) => r.value)).toEqual(['cartes_bancaires', 'mastercard']);
    expect(checked(el)).toBe('cartes_bancaires');
    el.clear();
    await settle();
    expect(radios(el)).toEqual([]);
    expect(lastChange()).toEqual({ empty: true, complete: false, brand: 'unknown' });
    expect(el.querySelector('svg.tf-brand')?.getAttribute('data-brand')).toBe('unknown');
  });

  test('disabled: the radios are disabled too', async () => {
    const { el, input } = await mountInput('number');
    await userEvent.fill(input, CB_VISA);
    el.disabled = true;
    await settle();
    expect(radios(el).map((r) => r.disabled)).toEqual([true, true]);
  });

  test.each([
    ['fr', 'Réseau de la carte'],
    ['de', 'Kartennetzwerk'],
    ['ja', 'カードネットワーク'],
  ])('localized group name (%s)', async (locale, name) => {
    await loadLocale(locale as 'fr');
    const { input } = await mountInput('number', { locale });
    await userEvent.fill(input, CB_VISA);
    await settle();
    await expect.element(page.getByRole('radiogroup', { name })).toBeVisible();
    // Network names are proper names: the same in every locale.
    await expect.element(page.getByRole('radio', { name: 'Cartes Bancaires' })).toBeInTheDocument();
  });

  test('axe: no violations with the selector shown, after a choice, and in Arabic (RTL)', async () => {
    const { box, input } = await mountInput('number');
    await userEvent.fill(input, CB_VISA);
    await settle();
    const run = async () =>
      (await axe.run(box, { resultTypes: ['violations'] })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
    expect(await run()).toEqual([]);
    await userEvent.click(page.getByRole('radio', { name: 'Visa' }));
    expect(await run()).toEqual([]);
    await loadLocale('ar');
    document.documentElement.dir = 'rtl';
    try {
      const ar = await mountInput('number', { locale: 'ar' });
      await userEvent.fill(ar.input, CB_MASTERCARD);
      await settle();
      expect((await axe.run(ar.box, { resultTypes: ['violations'] })).violations.map((v) => v.id)).toEqual([]);
    } finally {
      document.documentElement.dir = 'ltr';
    }
  });
});

describe('<tf-card>', () => {
  test('the selector is inside the card; choosing a network does not auto-advance; values carry it', async () => {
    const { el, inputs, lastChange } = await mountCard({ preferredNetwork: 'visa' });
    await userEvent.click(inputs[0]!);
    await userEvent.keyboard(CB_VISA);
    await settle();
    expect(document.activeElement).toBe(inputs[1]); // auto-advance from the complete number
    expect(checked(el)).toBe('visa');
    await userEvent.tab({ shift: true });
    expect(document.activeElement).toBe(radios(el)[1]);
    await userEvent.keyboard('{ArrowLeft}');
    await settle();
    expect(document.activeElement).toBe(radios(el)[0]); // stays on the radios
    expect(lastChange()).toMatchObject({ brand: 'cartes_bancaires', networks: ['cartes_bancaires', 'visa'], network: 'cartes_bancaires' });
    await userEvent.tab();
    expect(document.activeElement).toBe(inputs[1]);
    await userEvent.keyboard('1230123');
    await settle();
    expect(el.readValues()).toEqual({ number: '4000 0025 0000 1001', network: 'cartes_bancaires', expiry: '12 / 30', cvc: '123' });
    expect(lastChange()?.complete).toBe(true);
  });
});

describe('screenshots (e2e/screenshots/frames/, gitignored, for a human to look at)', () => {
  test.each([
    ['number', 'cartes_bancaires'],
    ['number', 'mastercard'],
    ['card', 'visa'],
  ] as const)('%s co-badged, %s selected', async (type, preferredNetwork) => {
    const mounted = type === 'card' ? await mountCard({ preferredNetwork }) : await mountInput('number', { preferredNetwork });
    const input = 'inputs' in mounted ? mounted.inputs[0]! : mounted.input;
    await userEvent.click(input);
    await userEvent.keyboard(preferredNetwork === 'visa' ? CB_VISA : CB_MASTERCARD);
    if (type === 'number') await userEvent.tab(); // the focus ring on the checked network
    await settle();
    await page.screenshot({ path: `../../../../e2e/screenshots/frames/en-${type}-cobadged-${preferredNetwork}.png`, element: mounted.box });
    expect(checked(mounted.el)).toBe(preferredNetwork);
  });
});
