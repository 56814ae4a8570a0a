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
  defineTokenframeElements();
});
afterEach(() => {
  document.body.innerHTML = '';
});

const FORM = `<tf-fields publishable-key="pk_test_1" vault-url="http://127.0.0.1:4000" frames-url="http://127.0.0.1:4001" locale="de">
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

  test('a missing publishable key throws when the element connects', () => {
    const group = document.createElement('tf-fields');
    const errors: unknown[] = [];
    window.addEventListener('error', (e) => errors.push(e.error));
    try {
      document.body.append(group);
    } catch (error) {
      errors.push(error);
    }
    expect(String(errors[0])).toMatch(/publishable key/);
  });
});
