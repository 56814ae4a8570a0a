// <tf-input> and <tf-card> in real Chromium: typing, caret, paste, autofill, keyboard, errors, a11y attributes.
import { afterEach, describe, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { STYLE_SELECTORS } from '../../src/field-change';
import { mountCard, mountInput, settle } from './mount-field';

afterEach(() => document.body.replaceChildren());

/** Inserts text at the caret the way a paste does (beforeinput + input, inputType insertText). */
function insertAtCaret(text: string): void {
  document.execCommand('insertText', false, text);
}

describe('card number', () => {
  test('formats while typing, detects the brand, never reflects the value', async () => {
    const { input, el, lastChange } = await mountInput('number');
    await userEvent.click(input);
    await userEvent.keyboard('4242424242424242');
    await settle();
    expect(input.value).toBe('4242 4242 4242 4242');
    expect(input.getAttribute('value')).toBeNull();
    expect(el.outerHTML).not.toContain('4242');
    expect(lastChange()).toEqual({ empty: false, complete: true, brand: 'visa', networks: ['visa'] });
    expect(el.querySelector('svg.tf-brand')?.getAttribute('data-brand')).toBe('visa');
    expect(input.className).toContain('is-complete');
  });

  test('typing in the middle keeps the caret after the typed digit', async () => {
    const { input } = await mountInput('number');
    await userEvent.click(input);
    await userEvent.keyboard('42424242');
    input.setSelectionRange(2, 2);
    await userEvent.keyboard('9');
    expect(input.value).toBe('4294 2424 2');
    expect(input.selectionStart).toBe(3);
  });

  test('Backspace just after a separator deletes the digit before it', async () => {
    const { input } = await mountInput('number');
    await userEvent.click(input);
    await userEvent.keyboard('42425555');
    input.setSelectionRange(5, 5); // "4242 |5555"
    await userEvent.keyboard('{Backspace}');
    expect(input.value).toBe('4245 555');
    expect(input.selectionStart).toBe(3);
  });

  test('Delete in the middle reformats and keeps the caret', async () => {
    const { input } = await mountInput('number');
    await userEvent.click(input);
    await userEvent.keyboard('4242424242424242');
    input.setSelectionRange(6, 6); // "4242 4|242 …"
    await userEvent.keyboard('{Delete}');
    expect(input.value).toBe('4242 4424 2424 242');
    expect(input.selectionStart).toBe(6);
  });

  test.each([
    ['dashes', '4242-4242-4242-4242', '4242 4242 4242 4242'],
    ['spaces and a newline', ' 3782 822463 10005\n', '3782 822463 10005'],
    ['too long', '42424242424242424242424', '4242 4242 4242 4242 424'],
  ])('paste with %s', async (_name, pasted, expected) => {
    const { input } = await mountInput('number');
    await userEvent.click(input);
    insertAtCaret(pasted);
    expect(input.value).toBe(expected);
    expect(input.selectionStart).toBe(expected.length);
  });

  test('error only after leaving the field, linked and announced', async () => {
    const { input, el, lastChange } = await mountInput('number');
    await userEvent.click(input);
    await userEvent.keyboard('4242');
    await settle();
    expect(input.getAttribute('aria-invalid')).toBe('false');
    expect(lastChange()?.error).toBeUndefined();
    input.blur();
    await settle();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const described = el.querySelector(`#${input.getAttribute('aria-describedby')}`)!;
    expect(described.textContent).toBe('Your card number is incomplete.');
    expect(described.getAttribute('aria-live')).toBe('polite');
    expect(lastChange()?.error).toEqual({ code: 'incomplete_number', message: 'Your card number is incomplete.' });
  });

  // Issue #19: with the focus still in the field, a complete number that fails Luhn said nothing until blur.
  test.each<[string, string, 'card' | 'input']>([
    ['a 16-digit Visa (Visa also allows 19)', '4242424242424241', 'input'],
    ['a Mastercard (16 only)', '5555555555554445', 'input'],
    ['the card field', '4242424242424241', 'card'],
  ])('a full-length number failing Luhn shows its error at once, focus still in the field: %s', async (_name, digits, where) => {
    const card = where === 'card' ? await mountCard() : undefined;
    const { input, el, lastChange } = card ? { ...card, input: card.inputs[0]! } : await mountInput('number');
    await userEvent.click(input);
    await userEvent.keyboard(digits);
    await settle();
    expect(document.activeElement).toBe(input);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const described = el.querySelector(`#${input.getAttribute('aria-describedby')?.split(' ')[0]}`)!;
    expect(described.textContent).toBe('Your card number is invalid.');
    expect(lastChange()?.error?.code).toBe('invalid_number');
    // Still typing a 19-digit Visa: the error goes away again while the number may yet become valid.
    if (digits.startsWith('4') && !card) {
      await userEvent.keyboard('1');
      await settle();
      expect(input.getAttribute('aria-invalid')).toBe('false');
    }
  });

  test('an empty field shows its error only on a submit attempt', async () => {
    const { input, el } = await mountInput('number');
    input.focus();
    input.blur();
    await settle();
    expect(input.getAttribute('aria-invalid')).toBe('false');
    el.reveal();
    await settle();
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  test('input attributes for mobile keyboards, autofill and screen readers', async () => {
    const { input } = await mountInput('number', { label: 'Kartennummer, bitte' });
    expect(input.getAttribute('inputmode')).toBe('numeric');
    expect(input.getAttribute('autocomplete')).toBe('cc-number');
    expect(input.getAttribute('aria-required')).toBe('true');
    expect(input.getAttribute('aria-label')).toBe('Kartennummer, bitte');
  });

  test('Enter submits, Escape escapes', async () => {
    const { input, events } = await mountInput('number');
    await userEvent.click(input);
    await userEvent.keyboard('{Enter}{Escape}');
    expect(events.map((e) => e.name).filter((n) => n === 'tf-submit' || n === 'tf-escape')).toEqual(['tf-submit', 'tf-escape']);
  });

  test('autofill into the hidden companions is relayed, not kept', async () => {
    const { el, events } = await mountInput('number', { autofillCompanions: true });
    await el.updateComplete;
    const exp = el.querySelector<HTMLInputElement>('input[autocomplete="cc-exp"]')!;
    exp.value = '12/30';
    exp.dispatchEvent(new Event('input', { bubbles: true }));
    expect(events.filter((e) => e.name === 'tf-autofill').map((e) => e.detail)).toEqual([{ expiry: '12/30' }]);
    expect(exp.value).toBe('');
  });
});

describe('expiry and CVC', () => {
  test.each([
    ['1230', '12 / 30'],
    ['4', '04 / '],
    ['1 2', '12 / '],
  ])('expiry: typing %s gives %s', async (typed, expected) => {
    const { input } = await mountInput('expiry');
    await userEvent.click(input);
    await userEvent.keyboard(typed);
    expect(input.value).toBe(expected);
  });

  test('expiry: pasting MM/YYYY gives MM / YY', async () => {
    const { input } = await mountInput('expiry');
    await userEvent.click(input);
    insertAtCaret('12/2030');
    expect(input.value).toBe('12 / 30');
  });

  test('expiry: Backspace walks back over the separator', async () => {
    const { input } = await mountInput('expiry');
    await userEvent.click(input);
    await userEvent.keyboard('12{Backspace}');
    expect(input.value).toBe('1');
  });

  test.each([
    ['no brand', undefined, '1234'],
    ['visa', 3, '123'],
    ['amex', 4, '1234'],
  ])('CVC length with %s', async (_name, cvcLength, expected) => {
    const brand = cvcLength ? { id: 'x', name: 'x', lengths: [16], cvcLength, gaps: [], luhn: true, networks: ['x'] } : undefined;
    const { input } = await mountInput('cvc', brand ? { brand } : {});
    await userEvent.click(input);
    await userEvent.keyboard('12345');
    expect(input.value).toBe(expected);
  });
});

describe('<tf-card>', () => {
  test('moves number → expiry → CVC as each completes, reports one field', async () => {
    const { inputs, lastChange } = await mountCard();
    await userEvent.click(inputs[0]!);
    await userEvent.keyboard('378282246310005');
    await settle();
    expect(document.activeElement).toBe(inputs[1]);
    await userEvent.keyboard('1230');
    await settle();
    expect(document.activeElement).toBe(inputs[2]);
    await userEvent.keyboard('12345');
    await settle();
    expect(inputs[2]!.value).toBe('1234'); // amex: 4 digits
    expect(lastChange()).toEqual({ empty: false, complete: true, brand: 'amex', networks: ['amex'] });
  });

  test('browser autofill fills all three in one pass', async () => {
    const { inputs, lastChange } = await mountCard();
    await userEvent.fill(inputs[0]!, '4242424242424242');
    await userEvent.fill(inputs[1]!, '12/30');
    await userEvent.fill(inputs[2]!, '123');
    await settle();
    expect(inputs.map((i) => i.value)).toEqual(['4242 4242 4242 4242', '12 / 30', '123']);
    expect(lastChange()?.complete).toBe(true);
  });

  // The frame reports its height to the page: it must not change when only the number completes.
  test.each([250, 290, 320, 340, 360, 400])('the card keeps its height as the number completes (frame %ipx wide)', async (width) => {
    const { el, box, inputs } = await mountCard();
    box.style.width = `${width}px`;
    // Defence in depth: the style validator keeps width-changing properties out of state variants, but
    // should one get through, the layout alone must still not wrap.
    const wide = document.head.appendChild(document.createElement('style'));
    wide.textContent = `${STYLE_SELECTORS.complete}{padding-left:130px;padding-right:130px;letter-spacing:2px}`;
    await settle();
    const before = el.getBoundingClientRect().height;
    await userEvent.fill(inputs[0]!, '4242424242424242');
    await settle();
    const after = el.getBoundingClientRect().height;
    wide.remove();
    expect(after).toBe(before);
  });

  // Rows by frame width: all three on one row from 340px; below, the number alone, then expiry and
  // CVC together (flex-wrap alone once left the CVC by itself on a 375px phone's ~325px frame).
  test.each([
    [300, [0, 1, 1]],
    [325, [0, 1, 1]],
    [339, [0, 1, 1]],
    [340, [0, 0, 0]],
    [400, [0, 0, 0]],
  ])('a %ipx card puts its inputs on rows %j', async (width, rows) => {
    const { box, inputs } = await mountCard();
    box.style.width = `${width}px`;
    box.style.padding = '0';
    await settle();
    const tops = inputs.map((i) => i.getBoundingClientRect().top);
    expect(tops.map((t) => (t === tops[0] ? 0 : 1))).toEqual(rows);
  });

  // ariaLabel ('Card' in the README) names the group; each input keeps its own name, so a screen
  // reader hears "Card, group, Card number" and fillCard (@tokenframe/sdk/testing) finds /card number/i.
  test.each([['Card'], [undefined]])('ariaLabel %s labels the group, every input keeps its own name', async (label) => {
    const { el, inputs } = await mountCard(label === undefined ? {} : { label });
    const group = el.querySelector('.tf-card')!;
    expect(group.getAttribute('role')).toBe('group');
    expect(group.getAttribute('aria-label')).toBe(label ?? null);
    expect(inputs.map((i) => i.getAttribute('aria-label'))).toEqual(['Card number', 'Expiration date (MM / YY)', 'Security code (CVC)']);
    expect(page.getByLabelText(/card number/i).elements()).toEqual([inputs[0]]);
    if (label) expect(page.getByRole('group', { name: label }).element()).toBe(group);
  });

  test('focus and blur are reported for the card as a whole', async () => {
    const { inputs, events } = await mountCard();
    await userEvent.click(inputs[0]!);
    await userEvent.click(inputs[1]!);
    inputs[1]!.blur();
    await settle();
    expect(events.map((e) => e.name).filter((n) => n === 'tf-focus' || n === 'tf-blur')).toEqual(['tf-focus', 'tf-blur']);
  });
});
