// @vitest-environment happy-dom
// The custom elements over the fake transport: a subclass swaps in the fake connector.
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { defineTokenframeElements, TfFieldsElement } from '../src/elements/index';
import type { FrameConnector } from '../src/frame-connection';
import type { Tokenframe } from '../src/create-tokenframe';
import { FakeNetwork } from './fake-transport';

const net = new FakeNetwork();
class TestFields extends TfFieldsElement {
  protected override tokenframe(): Tokenframe {
    return super.tokenframe(net.connect as FrameConnector);
  }
}

beforeAll(() => {
  customElements.define('tf-fields', TestFields);
  defineTokenframeElements({ vaultUrl: 'http://127.0.0.1:4000', framesUrl: 'http://127.0.0.1:4001' });
});
afterEach(() => {
  document.body.innerHTML = '';
});

const FORM = `<tf-fields publishable-key="pk_test_1" locale="de">
  <tf-card-number label="Kartennummer"></tf-card-number><tf-card-expiry></tf-card-expiry><tf-card-cvc></tf-card-cvc>
</tf-fields>`;

describe('custom elements', () => {
  test('children become fields of the group, mounted into themselves, and tokenize() works', async () => {
    document.body.innerHTML = FORM;
    const group = document.querySelector('tf-fields') as TfFieldsElement;
    const number = document.querySelector('tf-card-number') as HTMLElement;
    const ready = new Promise((resolve) => number.addEventListener('tf-ready', resolve));
    await ready;
    expect(number.querySelector('iframe')?.src).toContain('type=cardNumber');
    expect(net.field('cardNumber').requests[0]?.params).toEqual({ locale: 'de', ariaLabel: 'Kartennummer' });
    expect(await group.tokenize()).toHaveProperty('token');
  });

  test('tf-change on the group aggregates; removing the group leaves no frame or port', async () => {
    document.body.innerHTML = FORM;
    const group = document.querySelector('tf-fields') as TfFieldsElement;
    await new Promise((resolve) => document.querySelector('tf-card-cvc')?.addEventListener('tf-ready', resolve));
    const change = new Promise<CustomEvent>((resolve) => group.addEventListener('tf-change', (e) => resolve(e as CustomEvent)));
    net.field('cardCvc').emit({ name: 'change', detail: { field: 'cardCvc', empty: false, complete: true } });
    expect((await change).detail).toMatchObject({ complete: false, fields: { cardCvc: { complete: true } } });
    group.remove();
    expect(document.querySelectorAll('iframe')).toHaveLength(0);
    expect(net.live()).toHaveLength(0);
    expect(await group.tokenize()).toEqual({ error: expect.objectContaining({ code: 'not_mounted' }) });
  });

  test('a key set right after insertion (Angular binds attributes then) is used; appearance set later reaches every field', async () => {
    const group = document.createElement('tf-fields') as TfFieldsElement;
    group.innerHTML = '<tf-card-number></tf-card-number>';
    document.body.append(group);
    group.setAttribute('publishable-key', 'pk_test_1');
    await new Promise((resolve) => group.querySelector('tf-card-number')?.addEventListener('tf-ready', resolve));
    group.appearance = { base: { color: 'rebeccapurple' } };
    expect(net.field('cardNumber').requests.at(-1)).toEqual({
      method: 'configure',
      params: { style: { base: { color: 'rebeccapurple' } } },
    });
  });

  // Issue #17 finding 6: markup alone (HTML injection, no script) must not choose where card data goes.
  test.each(['frames-url', 'vault-url'])('a %s attribute is refused: the URLs come only from defineTokenframeElements()', (name) => {
    const group = document.createElement('tf-fields') as TestFields;
    group.setAttribute('publishable-key', 'pk_test_1');
    group.setAttribute(name, 'http://127.0.0.2:4001');
    expect(() => (group as unknown as { tokenframe(): unknown }).tokenframe()).toThrow(/defineTokenframeElements/);
  });

  test('defineTokenframeElements() checks its URLs and refuses a second, different pair', () => {
    expect(() => defineTokenframeElements({ vaultUrl: 'http://127.0.0.2:4000/x', framesUrl: 'http://127.0.0.1:4001' })).toThrow(/vaultUrl/);
    expect(() => defineTokenframeElements({ vaultUrl: 'http://127.0.0.1:4000', framesUrl: 'http://127.0.0.2:4001' })).toThrow(/other URLs/);
    expect(() => defineTokenframeElements({ vaultUrl: 'http://127.0.0.1:4000', framesUrl: 'http://127.0.0.1:4001' })).not.toThrow();
  });

  test('a publishable key still missing a microtask after connecting throws (reported)', async () => {
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent): number => errors.push(e.error);
    window.addEventListener('error', onError);
    const queue = globalThis.queueMicrotask;
    // happy-dom does not report an exception thrown by a microtask: catch it where the browser would report it.
    globalThis.queueMicrotask = (fn) =>
      queue(() => {
        try {
          fn();
        } catch (error) {
          errors.push(error);
        }
      });
    try {
      document.body.append(document.createElement('tf-fields'));
      await Promise.resolve();
    } finally {
      globalThis.queueMicrotask = queue;
      window.removeEventListener('error', onError);
    }
    expect(String(errors[0])).toMatch(/publishable key/);
  });
});
