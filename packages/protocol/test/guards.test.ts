import { describe, expect, test } from 'vitest';
import * as P from '../src/index';
import { mount, VALID } from './samples';

const clone = <T>(x: T): T => structuredClone(x);

function deep(levels: number): unknown {
  let o: unknown = 'leaf';
  for (let i = 0; i < levels; i++) o = { a: o };
  return o;
}

const throwingProxy = new Proxy(
  {},
  {
    getPrototypeOf: () => {
      throw new Error('trap');
    },
    ownKeys: () => {
      throw new Error('trap');
    },
  },
);
const revoked = Proxy.revocable({}, {});
revoked.revoke();
const { port1 } = new MessageChannel();
port1.close();
class Message {}

/** Values that are never a valid field value anywhere in the protocol. */
const EXOTIC: [string, unknown][] = [
  ['Date', new Date(0)],
  ['Map', new Map([['a', 1]])],
  ['Set', new Set([1])],
  ['Blob', new Blob(['x'])],
  ['function', () => 1],
  ['symbol', Symbol('x')],
  ['5 MB string', 'x'.repeat(5_000_000)],
  ['deeply nested', deep(10_000)],
  ['MessagePort', port1],
  ['NaN', NaN],
  ['undefined', undefined],
  ['throwing proxy', throwingProxy],
  ['revoked proxy', revoked.proxy],
  ['class instance', new Message()],
];

/** Always-invalid variants of a valid plain object: extra/pollution keys, non-plain prototypes, accessors. */
function objectMutations(o: Record<string, unknown>): [string, unknown][] {
  const firstKey = Object.keys(o)[0] ?? 'x';
  const withOwn = (key: string, value: unknown) => {
    const c = { ...o };
    Object.defineProperty(c, key, { value, enumerable: true, configurable: true, writable: true });
    return c;
  };
  return [
    ['extra key', { ...o, extra: 1 }],
    ['own __proto__', withOwn('__proto__', { polluted: 1 })],
    ['JSON __proto__', Object.assign(JSON.parse('{"__proto__":{"polluted":1}}'), o)],
    ['own constructor', withOwn('constructor', { prototype: { polluted: 1 } })],
    ['own prototype', withOwn('prototype', { polluted: 1 })],
    ['class prototype', Object.assign(new Message(), o)],
    ['getter', Object.defineProperty({ ...o }, firstKey, { get: () => o[firstKey], enumerable: true })],
    [
      'throwing getter',
      Object.defineProperty({ ...o }, firstKey, {
        get: () => {
          throw new Error('boom');
        },
        enumerable: true,
      }),
    ],
    ['non-enumerable key', Object.defineProperty({ ...o }, 'hidden', { value: 1 })],
    ['symbol key', { ...o, [Symbol('s')]: 1 }],
  ];
}

/** Every mutation at the top level and, recursively, inside every nested plain object. */
function hostileVariants(valid: unknown, path = ''): [string, unknown][] {
  if (!P.isPlainObject(valid)) return [];
  const out: [string, unknown][] = objectMutations(valid).map(([l, v]) => [`${path || '.'} ${l}`, v]);
  for (const [k, v] of Object.entries(valid)) {
    for (const [label, exotic] of EXOTIC) out.push([`${path}.${k} = ${label}`, { ...valid, [k]: exotic }]);
    for (const [label, nested] of hostileVariants(v, `${path}.${k}`)) out.push([label, { ...valid, [k]: nested }]);
  }
  return out;
}

describe.each(VALID)('%s', (_name, isValid, valid) => {
  test('accepts the valid message and its structured clone', () => {
    expect(isValid(valid)).toBe(true);
    expect(isValid(clone(valid))).toBe(true);
  });
  test.each(hostileVariants(valid))('rejects %s', (_label, hostile) => {
    expect(() => isValid(hostile)).not.toThrow();
    expect(isValid(hostile)).toBe(false);
  });
  test.each(EXOTIC)('rejects a bare %s', (_label, x) => {
    expect(isValid(x)).toBe(false);
  });
  test.each([null, 0, '', 'hello', [], [valid], true])('rejects %j', (x) => {
    expect(isValid(x)).toBe(false);
  });
});

const hello = { ns: 'tokenframe', v: '1.0', type: 'hello', mount, role: 'cardNumber', pk: 'pk_test_abc' };
const request = (method: string, extra: object = {}) => ({ ns: 'tokenframe', type: 'request', id: 1, method, ...extra });
const reply = { ns: 'tokenframe', type: 'reply', id: 1, ok: true, result: null };

test.each<[string, (x: unknown) => boolean, unknown]>([
  ['hello: wrong ns', P.isHelloMessage, { ...hello, ns: 'penpal' }],
  ['hello: bad version', P.isHelloMessage, { ...hello, v: '1' }],
  ['hello: version 1.0.0', P.isHelloMessage, { ...hello, v: '1.0.0' }],
  ['hello: short mount', P.isHelloMessage, { ...hello, mount: 'abc' }],
  ['hello: mount with slash', P.isHelloMessage, { ...hello, mount: 'abcdefgh/ij' }],
  ['hello: unknown role', P.isHelloMessage, { ...hello, role: 'admin' }],
  ['hello: missing role', P.isHelloMessage, { ns: 'tokenframe', v: '1.0', type: 'hello', mount }],
  [
    'hello: without pk (frames before issue #17 finding 4)',
    P.isHelloMessage,
    { ns: 'tokenframe', v: '1.0', type: 'hello', mount, role: 'cardNumber' },
  ],
  ['hello: pk too long', P.isHelloMessage, { ...hello, pk: 'p'.repeat(201) }],
  ['hello typed as connect', P.isConnectMessage, hello],
  ['request: unknown method', P.isPageRequest, request('eval')],
  ['request: focus with params', P.isPageRequest, request('focus', { params: {} })],
  ['request: configure without params', P.isPageRequest, request('configure')],
  ['request: negative id', P.isPageRequest, { ...request('blur'), id: -1 }],
  ['request: float id', P.isPageRequest, { ...request('blur'), id: 1.5 }],
  ['request: huge id', P.isPageRequest, { ...request('blur'), id: 2 ** 40 }],
  ['request: tokenize with a pan', P.isPageRequest, request('tokenize', { params: { pan: '4242424242424242' } })],
  ['configure: unknown variant', P.isPageRequest, request('configure', { params: { style: { hacked: {} } } })],
  ['configure: selector as property', P.isPageRequest, request('configure', { params: { style: { base: { 'body > *': 'x' } } } })],
  ['configure: numeric style value', P.isPageRequest, request('configure', { params: { style: { base: { color: 1 } } } })],
  ['configure: holey fonts', P.isPageRequest, request('configure', { params: { fonts: [, 'Inter'] } })], // eslint-disable-line no-sparse-arrays
  ['configure: too many fonts', P.isPageRequest, request('configure', { params: { fonts: Array(9).fill('a') } })],
  ['configure: preferredNetwork not a network id', P.isPageRequest, request('configure', { params: { preferredNetwork: 'Visa' } })],
  ['configure: preferredNetwork not a string', P.isPageRequest, request('configure', { params: { preferredNetwork: ['visa'] } })],
  ['configure: fonts with extra prop', P.isPageRequest, request('configure', { params: { fonts: Object.assign(['a'], { x: 1 }) } })],
  ['event: unknown name', P.isFrameEvent, { ns: 'tokenframe', type: 'event', name: 'value' }],
  ['event: ready with detail', P.isFrameEvent, { ns: 'tokenframe', type: 'event', name: 'ready', detail: {} }],
  [
    'event: change carrying the value',
    P.isFrameEvent,
    {
      ns: 'tokenframe',
      type: 'event',
      name: 'change',
      detail: { field: 'cardNumber', empty: false, complete: true, value: '4242424242424242' },
    },
  ],
  [
    'event: change with uppercase brand',
    P.isFrameEvent,
    { ns: 'tokenframe', type: 'event', name: 'change', detail: { field: 'cardNumber', empty: false, complete: true, brand: 'VISA' } },
  ],
  [
    'event: change with a list as network',
    P.isFrameEvent,
    { ns: 'tokenframe', type: 'event', name: 'change', detail: { field: 'cardNumber', empty: false, complete: true, network: ['visa'] } },
  ],
  ['event: resize Infinity', P.isFrameEvent, { ns: 'tokenframe', type: 'event', name: 'resize', detail: { height: Infinity } }],
  ['reply: ok true with error', P.isFrameReply, { ...reply, error: { type: 'api_error', code: 'internal_error', message: 'x' } }],
  ['reply: ok "true"', P.isFrameReply, { ...reply, ok: 'true' }],
  [
    'reply: result with full pan',
    P.isFrameReply,
    { ...reply, result: { token: 'tok_1', card: { brand: 'visa', last4: '4242424242424242', expMonth: 1, expYear: 2030 } } },
  ],
  [
    'reply: token not tok_',
    P.isFrameReply,
    { ...reply, result: { token: 'abc', card: { brand: 'visa', last4: '4242', expMonth: 1, expYear: 2030 } } },
  ],
  [
    'reply: month 13',
    P.isFrameReply,
    { ...reply, result: { token: 'tok_1', card: { brand: 'visa', last4: '4242', expMonth: 13, expYear: 2030 } } },
  ],
  // The page checks an error's form; the sender (acceptParent) checks the closed set too.
  ["error: code not of the closed set's form", P.isErrorShape, { type: 'api_error', code: 'toString', message: 'x' }],
  ['error: unknown type', P.isErrorShape, { type: 'fatal_error', code: 'internal_error', message: 'x' }],
  ['closed error: code of another type', P.isClosedErrorShape, { type: 'card_error', code: 'unknown_key', message: 'x' }],
  ['closed error: unknown code', P.isClosedErrorShape, { type: 'api_error', code: 'made_up', message: 'x' }],
  ['session: empty sid', P.isSessionResponse, { sid: '', expiresAt: 1, serverTime: 1 }],
  ['session: string times', P.isSessionResponse, { sid: 's', expiresAt: '1', serverTime: 1 }],
  ['status: unknown code', P.isFrameStatusResponse, { code: 'maybe', message: 'x' }],
  ['status: message not a string', P.isFrameStatusResponse, { code: 'ok', message: 1 }],
  ['vault error: missing requestId', P.isVaultErrorBody, { error: { type: 'api_error', code: 'internal_error', message: 'x' } }],
])('%s is rejected', (_label, isValid, x) => {
  expect(isValid(x)).toBe(false);
});

test('a guard walks nothing it does not know: checking a polluting payload pollutes nothing', () => {
  const payload = JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}');
  for (const [, isValid] of VALID) isValid(payload);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

// Every PageErrorCode must be a key here (the Record makes a new member of the union a type error).
const PAGE_CODES: Record<P.PageErrorCode, true> = {
  invalid_argument: true,
  unsupported_environment: true,
  destroyed: true,
  not_mounted: true,
  incompatible_version: true,
  unknown_key: true,
  revoked_key: true,
  origin_not_allowed: true,
  timeout: true,
  frame_load_timeout: true,
  frame_removed: true,
  frame_integrity: true,
  internal_error: true,
};
test.each(Object.keys(PAGE_CODES) as P.PageErrorCode[])('pageErrorType(%s) is the type ERROR_CODES gives it', (code) => {
  expect(P.pageErrorType(code)).toBe(P.errorTypeOf(code));
});

test('every code of the closed set has the form the page checks', () => {
  expect(Object.keys(P.ERROR_CODES).filter((code) => !P.isErrorShape({ type: 'api_error', code, message: '' }))).toEqual([]);
});
