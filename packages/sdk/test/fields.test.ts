// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTokenframe } from '../src/create-tokenframe';
import type { Tokenframe } from '../src/create-tokenframe';
import { FakeNetwork } from './fake-transport';

const PK = 'pk_test_abc123';
const OPTIONS = { vaultUrl: 'http://127.0.0.1:4000', framesUrl: 'http://127.0.0.1:4001' };
let net: FakeNetwork;
let tf: Tokenframe;

beforeEach(() => {
  document.body.innerHTML = '<div id="a"></div><div id="b"></div><div id="c"></div>';
  net = new FakeNetwork();
  tf = createTokenframe(PK, OPTIONS, net.connect);
});
afterEach(() => {
  document.body.innerHTML = '';
});

const iframes = (): number => document.querySelectorAll('iframe').length;

describe('mount', () => {
  test('inserts a hidden controller and the field frame, configures it and resolves when ready', async () => {
    const fields = tf.fields({ locale: 'fr', style: { base: { fontSize: '16px' } } });
    const field = fields.create('cardNumber', { ariaLabel: 'Numéro' });
    const ready: unknown[] = [];
    field.on('ready', (e) => ready.push(e));
    await field.mount('#a');

    const controller = net.field('controller');
    const number = net.field('cardNumber');
    expect(controller.options.iframe.parentElement).toBe(document.body);
    expect(controller.options.iframe.getAttribute('aria-hidden')).toBe('true');
    expect(number.options.iframe.parentElement?.id).toBe('a');
    expect(number.options.iframe.title).toBe('Secure card number input');
    expect(number.options.iframe.hasAttribute('sandbox')).toBe(false);
    expect(number.url.origin + number.url.pathname).toBe('http://127.0.0.1:4001/frames/v1/field.html');
    expect(Object.fromEntries(number.url.searchParams)).toEqual({ type: 'cardNumber', pk: PK, origin: location.origin, v: '1.0' });
    expect(controller.url.pathname).toBe('/frames/v1/controller.html');
    expect(number.url.hash).toBe(`#mount=${number.options.mount}`);
    expect(number.options.mount).toMatch(/^[0-9a-f]{32}$/);
    expect(controller.options.mount).toBe(number.options.mount);
    expect(number.options.frameOrigin).toBe('http://127.0.0.1:4001');
    expect(number.requests[0]).toEqual({
      method: 'configure',
      params: { locale: 'fr', style: { base: { fontSize: '16px' } }, ariaLabel: 'Numéro' },
    });
    expect(ready).toEqual([{ field: 'cardNumber' }]);
  });

  test('preferredNetwork (co-badged cards) reaches the field frames in configure, the group default first', async () => {
    const fields = tf.fields({ preferredNetwork: 'visa' });
    await fields.create('cardNumber').mount('#a');
    expect(net.field('cardNumber').requests[0]).toEqual({ method: 'configure', params: { preferredNetwork: 'visa' } });
    fields.destroy();
    const card = tf.fields({ preferredNetwork: 'visa' }).create('card', { preferredNetwork: 'mastercard' });
    await card.mount('#a');
    expect(net.field('card').requests[0]).toEqual({ method: 'configure', params: { preferredNetwork: 'mastercard' } });
  });

  test('StrictMode double effect (mount, unmount, mount) leaves one frame per role and no live port', async () => {
    const field = tf.fields().create('cardNumber');
    const first = field.mount('#a');
    field.unmount();
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    await field.mount('#a');
    expect(iframes()).toBe(2);
    expect(
      net
        .live()
        .map((f) => f.role)
        .sort(),
    ).toEqual(['cardNumber', 'controller']);
    // No `key: undefined` on the wire: the frame's strict guard would drop the request.
    expect(net.field('controller').requests[0]).toEqual({ method: 'configure', params: {} });
    expect(net.frames).toHaveLength(4);
  });

  test('unmounting the last field removes the controller; destroy() twice is harmless', async () => {
    const fields = tf.fields();
    await Promise.all([fields.create('cardNumber').mount('#a'), fields.create('cardCvc').mount('#b')]);
    expect(iframes()).toBe(3);
    fields.get('cardNumber')?.unmount();
    expect(iframes()).toBe(2);
    fields.get('cardCvc')?.unmount();
    expect(iframes()).toBe(0);
    fields.destroy();
    fields.destroy();
    expect(net.live()).toHaveLength(0);
  });

  test.each([
    ['before ready', false],
    ['already aborted', true],
  ])('an AbortSignal cancels the mount (%s)', async (_name, early) => {
    const controller = new AbortController();
    if (early) controller.abort(new Error('gone'));
    const field = tf.fields().create('cardCvc');
    const mounting = field.mount('#a', { signal: controller.signal });
    controller.abort(new Error('gone'));
    await expect(mounting).rejects.toThrow('gone');
    expect(iframes()).toBe(0);
    expect(net.live()).toHaveLength(0);
    await field.mount('#a');
    expect(iframes()).toBe(2);
  });

  test('mounts inside a shadow root', async () => {
    const host = document.querySelector('#a') as HTMLElement;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<div class="slot"></div>';
    await tf
      .fields()
      .create('card')
      .mount(root.querySelector('.slot') as Element);
    expect(root.querySelectorAll('iframe')).toHaveLength(1);
  });

  test('resize events set the frame height', async () => {
    const field = tf.fields().create('cardNumber');
    await field.mount('#a');
    net.field('cardNumber').emit({ name: 'resize', detail: { height: 52 } });
    expect(net.field('cardNumber').options.iframe.style.height).toBe('52px');
  });
});

describe('developer errors throw at once', () => {
  test.each([
    ['missing key', () => createTokenframe(undefined, OPTIONS, net.connect), /publishable key/],
    ['secret key', () => createTokenframe('sk_test_123', OPTIONS, net.connect), /SECRET key/],
    ['not a key', () => createTokenframe('hello', OPTIONS, net.connect), /not a publishable key/],
    ['no options', () => createTokenframe(PK, undefined as never, net.connect), /vaultUrl, framesUrl/],
    [
      'vault URL with a path',
      () => createTokenframe(PK, { ...OPTIONS, vaultUrl: 'http://127.0.0.1:4000/api' }, net.connect),
      /vaultUrl must be/,
    ],
    [
      'plain http frames',
      () => createTokenframe(PK, { ...OPTIONS, framesUrl: 'http://frames.example.com' }, net.connect),
      /framesUrl must be/,
    ],
    ['unknown field type', () => tf.fields().create('cardPin' as never), /unknown field type/],
    [
      'same type twice',
      () => {
        const f = tf.fields();
        f.create('cardCvc');
        f.create('cardCvc');
      },
      /already exists/,
    ],
    [
      'card with split fields',
      () => {
        const f = tf.fields();
        f.create('cardNumber');
        f.create('card');
      },
      /either card or/,
    ],
    ['bad style variant', () => tf.fields({ style: { normal: {} } as never }), /style.normal is not a style variant/],
    ['bad style key', () => tf.fields({ style: { base: { 'font-size': '1px' } } }), /not a style property/],
    ['style value not a string', () => tf.fields({ style: { base: { fontSize: 16 as never } } }), /must be a string/],
    ['unknown option', () => tf.fields().create('cardNumber', { placeholdr: 'x' } as never), /unknown option 'placeholdr'/],
    ['preferredNetwork not a string', () => tf.fields({ preferredNetwork: ['visa'] as never }), /preferredNetwork must be a string/],
    ['selector not found', () => tf.fields().create('cardNumber').mount('#nope'), /no element matches/],
    ['invalid selector', () => tf.fields().create('cardNumber').mount('##'), /invalid selector/],
    [
      'target not an element',
      () =>
        tf
          .fields()
          .create('cardNumber')
          .mount({} as never),
      /target must be/,
    ],
    [
      'unknown event',
      () =>
        tf
          .fields()
          .create('cardNumber')
          .on('chnage' as never, () => {}),
      /unknown event 'chnage'/,
    ],
    [
      'card data as tokenize extra',
      () => tf.fields().tokenize({ pan: '4242424242424242' } as never),
      /only strings name \(max 200\) and postal \(max 32\)/,
    ],
    ['postal longer than the frame accepts', () => tf.fields().tokenize({ postal: '1'.repeat(33) }), /postal \(max 32\)/],
    ['name longer than the frame accepts', () => tf.fields().tokenize({ name: 'A'.repeat(201) }), /name \(max 200\)/],
    ['a number as postal', () => tf.fields().tokenize({ postal: 12345 } as never), /only strings name \(max 200\) and postal \(max 32\)/],
  ])('%s', (_name, misuse, message) => {
    expect(misuse).toThrow(message);
  });

  test('mounting twice', async () => {
    const field = tf.fields().create('cardNumber');
    await field.mount('#a');
    expect(() => field.mount('#b')).toThrow(/already mounted: call unmount\(\)/);
  });

  test('mounting after destroy', () => {
    const field = tf.fields().create('cardNumber');
    field.destroy();
    expect(() => field.mount('#a')).toThrow(/destroyed/);
  });
});

describe('events', () => {
  test('aggregates change across fields and auto-advances a focused split field that turns complete', async () => {
    const fields = tf.fields();
    const changes: unknown[] = [];
    fields.on('change', (e) => changes.push(e));
    await Promise.all([
      fields.create('cardNumber').mount('#a'),
      fields.create('cardExpiry').mount('#b'),
      fields.create('cardCvc').mount('#c'),
    ]);
    const number = net.field('cardNumber');
    number.emit({ name: 'focus' });
    number.emit({ name: 'change', detail: { field: 'cardNumber', empty: false, complete: true, brand: 'visa' } });
    expect(net.field('cardExpiry').requests.map((r) => r.method)).toEqual(['configure', 'focus']);

    net.field('cardExpiry').emit({
      name: 'change',
      detail: { field: 'cardExpiry', empty: false, complete: false, error: { code: 'expired_card', message: 'Expired' } },
    });
    expect(changes.at(-1)).toEqual({
      complete: false,
      empty: false,
      brand: 'visa',
      error: { code: 'expired_card', message: 'Expired', field: 'cardExpiry' },
      fields: {
        cardNumber: { field: 'cardNumber', empty: false, complete: true, brand: 'visa' },
        cardExpiry: { field: 'cardExpiry', empty: false, complete: false, error: { code: 'expired_card', message: 'Expired' } },
        cardCvc: { field: 'cardCvc', empty: true, complete: false },
      },
    });
    // Not focused (e.g. autofill completed it): no focus jump.
    net.field('cardExpiry').emit({ name: 'change', detail: { field: 'cardExpiry', empty: false, complete: true } });
    expect(net.field('cardCvc').requests.map((r) => r.method)).toEqual(['configure']);
  });

  test.each(['focus', 'blur', 'escape', 'submit'] as const)('forwards %s with once() firing once', async (name) => {
    const field = tf.fields().create('cardCvc');
    await field.mount('#a');
    const seen: unknown[] = [];
    field.once(name, (e) => seen.push(e));
    net.field('cardCvc').emit({ name });
    net.field('cardCvc').emit({ name });
    expect(seen).toEqual([{ field: 'cardCvc' }]);
  });
});

describe('tokenize', () => {
  test('resolves with the controller reply (extras at their bounds pass); a double click makes one request', async () => {
    const fields = tf.fields();
    await fields.create('card').mount('#a');
    const [one, two] = await Promise.all([fields.tokenize({ name: 'Ada', postal: '9'.repeat(32) }), fields.tokenize()]);
    expect(one).toEqual(net.tokenizeResult);
    expect(two).toBe(one);
    expect(net.field('controller').requests.filter((r) => r.method === 'tokenize')).toEqual([
      { method: 'tokenize', params: { extra: { name: 'Ada', postal: '9'.repeat(32) } } },
    ]);
  });

  test.each([
    ['nothing mounted', async () => tf.fields().tokenize(), 'not_mounted'],
    [
      'destroyed',
      async () => {
        const f = tf.fields();
        await f.create('card').mount('#a');
        f.destroy();
        return f.tokenize();
      },
      'destroyed',
    ],
    [
      'a field frame was taken over',
      async () => {
        const f = tf.fields();
        await f.create('card').mount('#a');
        net.field('card').takeover();
        return f.tokenize();
      },
      'frame_integrity',
    ],
  ])('returns an error value when %s', async (_name, run, code) => {
    expect(await run()).toEqual({ error: expect.objectContaining({ code }) });
  });

  test('a reloaded frame with a valid HELLO is configured again and reported empty', async () => {
    const fields = tf.fields();
    const field = fields.create('cardNumber');
    await field.mount('#a');
    const changes: unknown[] = [];
    field.on('change', (e) => changes.push(e));
    net.field('cardNumber').reload();
    await Promise.resolve();
    expect(changes).toEqual([{ field: 'cardNumber', empty: true, complete: false }]);
    expect(net.field('cardNumber').requests.filter((r) => r.method === 'configure')).toHaveLength(2);
    expect(await fields.tokenize()).toHaveProperty('token');
  });

  test('two groups on one page use separate controllers and mount ids', async () => {
    const a = tf.fields();
    const b = tf.fields();
    await a.create('card').mount('#a');
    await b.create('card').mount('#b');
    const [ca, cb] = net.live('controller');
    expect(ca?.options.mount).not.toBe(cb?.options.mount);
    await b.tokenize();
    expect(ca?.requests.map((r) => r.method)).toEqual(['configure']);
    expect(cb?.requests.map((r) => r.method)).toEqual(['configure', 'tokenize']);
  });
});

describe('loaderror', () => {
  test.each([
    ['incompatible frame version', 'incompatible', undefined, 'incompatible_version'],
    [
      'the frame refuses its style',
      'ok',
      Object.assign(new Error('bad style'), { code: 'invalid_style', type: 'integration_error' }),
      'invalid_style',
    ],
  ] as const)('%s rejects mount() and emits loaderror', async (_name, behavior, configureError, code) => {
    net.behavior = behavior;
    net.configureError = configureError;
    const field = tf.fields().create('cardNumber');
    const errors: unknown[] = [];
    field.on('loaderror', (e) => errors.push(e));
    await expect(field.mount('#a')).rejects.toMatchObject({ name: 'TokenframeError', code });
    expect(errors).toEqual([expect.objectContaining({ code, field: 'cardNumber', type: 'integration_error' })]);
  });

  test('an unexpected exception keeps its message (internal_error), never "[object Object]"', async () => {
    net.configureError = { code: 'invalid_style', message: 'no type' };
    await expect(tf.fields().create('cardNumber').mount('#a')).rejects.toMatchObject({
      code: 'internal_error',
      type: 'api_error',
      message: 'Tokenframe: no type',
    });
  });

  test('a loaderror event from the frame rejects mount()', async () => {
    net.behavior = 'manual';
    const field = tf.fields().create('cardNumber');
    const mounting = field.mount('#a');
    net.field('cardNumber').emit({ name: 'loaderror', detail: { type: 'network_error', code: 'network_error', message: 'offline' } });
    await expect(mounting).rejects.toMatchObject({ code: 'network_error', message: 'Tokenframe: offline' });
  });
});
