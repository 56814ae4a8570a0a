// Valid examples of every message and response, shared by the guard tests.
import * as P from '../src/index';

export const mount = 'm_0123456789abcdef';
const card = { brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030 };
const error = { type: 'card_error', code: 'incomplete_number', message: 'Your card number is incomplete.', field: 'cardNumber' };

type Guard = (x: unknown) => boolean;
export const VALID: [string, Guard, unknown][] = [
  ['hello', P.isHelloMessage, { ns: 'tokenframe', v: '1.0', type: 'hello', mount, role: 'cardNumber', pk: 'pk_test_abc' }],
  [
    'hello (controller, future major)',
    P.isHelloMessage,
    { ns: 'tokenframe', v: '2.3', type: 'hello', mount, role: 'controller', pk: 'pk_test_abc' },
  ],
  ['connect', P.isConnectMessage, { ns: 'tokenframe', v: '1.0', type: 'connect', mount }],
  ['request focus', P.isPageRequest, { ns: 'tokenframe', type: 'request', id: 1, method: 'focus' }],
  ['request clear', P.isPageRequest, { ns: 'tokenframe', type: 'request', id: 0, method: 'clear' }],
  [
    'request tokenize',
    P.isPageRequest,
    { ns: 'tokenframe', type: 'request', id: 7, method: 'tokenize', params: { extra: { name: 'Ada', postal: '75001' } } },
  ],
  ['request tokenize (no extra)', P.isPageRequest, { ns: 'tokenframe', type: 'request', id: 8, method: 'tokenize', params: {} }],
  [
    'request configure',
    P.isPageRequest,
    {
      ns: 'tokenframe',
      type: 'request',
      id: 2,
      method: 'configure',
      params: {
        locale: 'fr-FR',
        placeholder: '1234',
        ariaLabel: 'Card number',
        disabled: false,
        fonts: ['Inter'],
        preferredNetwork: 'cartes_bancaires',
        style: { base: { color: '#333', fontSize: '16px', ':focus': { color: 'black' } }, invalid: { color: 'red' } },
      },
    },
  ],
  ['event ready', P.isFrameEvent, { ns: 'tokenframe', type: 'event', name: 'ready' }],
  ['event resize', P.isFrameEvent, { ns: 'tokenframe', type: 'event', name: 'resize', detail: { height: 44.5 } }],
  [
    'event change',
    P.isFrameEvent,
    {
      ns: 'tokenframe',
      type: 'event',
      name: 'change',
      detail: {
        field: 'cardNumber',
        empty: false,
        complete: false,
        brand: 'cartes_bancaires',
        networks: ['cartes_bancaires', 'visa'],
        network: 'visa',
        error: { code: 'invalid_number', message: 'Invalid.' },
      },
    },
  ],
  [
    'event loaderror',
    P.isFrameEvent,
    {
      ns: 'tokenframe',
      type: 'event',
      name: 'loaderror',
      detail: { type: 'integration_error', code: 'origin_not_allowed', message: 'no' },
    },
  ],
  ['reply token', P.isFrameReply, { ns: 'tokenframe', type: 'reply', id: 3, ok: true, result: { token: 'tok_abcDEF123_-', card } }],
  ['reply card error', P.isFrameReply, { ns: 'tokenframe', type: 'reply', id: 3, ok: true, result: { error } }],
  ['reply null', P.isFrameReply, { ns: 'tokenframe', type: 'reply', id: 4, ok: true, result: null }],
  [
    'reply failure',
    P.isFrameReply,
    { ns: 'tokenframe', type: 'reply', id: 5, ok: false, error: { type: 'integration_error', code: 'invalid_argument', message: 'bad' } },
  ],
  ['tokenize result', P.isTokenizeResult, { token: 'tok_1', card }],
  ['session', P.isSessionResponse, { sid: 'ses_1', expiresAt: 1_800_000_000_000, serverTime: 1_700_000_000_000 }],
  ['token created', P.isTokenCreateResponse, { id: 'tok_x1', card, expiresAt: 1_800_000_000_000, livemode: false }],
  ['frame status', P.isFrameStatusResponse, { code: 'origin_not_allowed', message: 'add the origin to the key' }],
  ['frame status from a vault that predates message', P.isFrameStatusResponse, { code: 'ok' }],
  [
    'vault error',
    P.isVaultErrorBody,
    { error: { type: 'invalid_request_error', code: 'invalid_jwe', message: 'x', param: 'jwe', requestId: 'req_1' } },
  ],
];
