// Webhook verification against the Standard Webhooks reference library (`standardwebhooks`, a
// test-only oracle) both ways, the specification's own vectors (test/vectors/standard-webhooks.json),
// and hostile deliveries.
import { readFileSync } from 'node:fs';
import { Webhook } from 'standardwebhooks';
import { describe, expect, test } from 'vitest';
import { Tokenframe, verifyWebhook, WebhookVerificationError } from '../src/index.js';

const V = JSON.parse(readFileSync(new URL('./vectors/standard-webhooks.json', import.meta.url), 'utf8')) as {
  sign: { secret: string; msgId: string; timestamp: number; payload: string; signature: string };
  unprefixedSecret: string;
  toleranceMs: number;
  invalidSignatures: string[];
  decoySignatures: string[];
  invalidTimestamp: string;
};
const at = V.sign.timestamp * 1000;
const vectorHeaders = (over: Record<string, string | undefined> = {}) => ({
  'webhook-id': V.sign.msgId,
  'webhook-timestamp': String(V.sign.timestamp),
  'webhook-signature': V.sign.signature,
  ...over,
});

function reason(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof WebhookVerificationError) return e.reason;
    throw e;
  }
  throw new Error('verified, but should not have');
}

describe('the specification vectors (standard-webhooks libraries/javascript/src/webhook.test.ts)', () => {
  test('"sign function works": the fixed vector verifies, with and without the whsec_ prefix', () => {
    for (const secret of [V.sign.secret, V.unprefixedSecret]) {
      expect(verifyWebhook(V.sign.payload, vectorHeaders(), secret, { now: at })).toEqual({ test: 2432232314 });
    }
  });

  test('"multi sig payload is valid": decoys around the valid v1 signature', () => {
    const sig = [...V.decoySignatures, V.sign.signature, V.decoySignatures[0]].join(' ');
    expect(verifyWebhook(V.sign.payload, vectorHeaders({ 'webhook-signature': sig }), V.sign.secret, { now: at })).toEqual({
      test: 2432232314,
    });
  });

  test.each(V.invalidSignatures)('"invalid/partial signature" %s → no_matching_signature', (sig) => {
    expect(reason(() => verifyWebhook(V.sign.payload, vectorHeaders({ 'webhook-signature': sig }), V.sign.secret, { now: at }))).toBe(
      'no_matching_signature',
    );
  });

  test.each([
    ['"missing id"', { 'webhook-id': undefined }, 'missing_header'],
    ['"missing timestamp"', { 'webhook-timestamp': undefined }, 'missing_header'],
    ['"missing signature"', { 'webhook-signature': undefined }, 'missing_header'],
    ['"invalid timestamp"', { 'webhook-timestamp': V.invalidTimestamp }, 'invalid_timestamp'],
  ])('%s → %s', (_name, over, expected) => {
    expect(reason(() => verifyWebhook(V.sign.payload, vectorHeaders(over), V.sign.secret, { now: at }))).toBe(expected);
  });

  test('"old timestamp fails" / "new timestamp fails": tolerance + 1 s either way', () => {
    expect(reason(() => verifyWebhook(V.sign.payload, vectorHeaders(), V.sign.secret, { now: at + V.toleranceMs + 1000 }))).toBe(
      'timestamp_too_old',
    );
    expect(reason(() => verifyWebhook(V.sign.payload, vectorHeaders(), V.sign.secret, { now: at - V.toleranceMs - 1000 }))).toBe(
      'timestamp_in_future',
    );
    expect(verifyWebhook(V.sign.payload, vectorHeaders(), V.sign.secret, { now: at + V.toleranceMs })).toBeTruthy();
  });
});

describe('against the standardwebhooks library', () => {
  const secret = `whsec_${Buffer.from('tokenframe-test-secret-32-bytes!').toString('base64')}`;
  const payload = JSON.stringify({ type: 'token.created', data: { id: 'tok_abc', brand: 'visa', last4: '4242' } });

  test('it signs, we verify (Headers, a plain object, Node-style lowercase record, Buffer body)', () => {
    const wh = new Webhook(secret);
    const now = new Date();
    const id = 'msg_2b9YbQ3';
    const headers = {
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': wh.sign(id, now, payload),
    };
    const expected = JSON.parse(payload);
    expect(verifyWebhook(payload, headers, secret)).toEqual(expected);
    expect(verifyWebhook(Buffer.from(payload), new Headers(headers), secret)).toEqual(expected);
    expect(
      verifyWebhook(
        payload,
        { 'Webhook-Id': id, 'WEBHOOK-TIMESTAMP': headers['webhook-timestamp'], 'webhook-signature': [headers['webhook-signature']] },
        secret,
      ),
    ).toEqual(expected);
    expect(
      new Tokenframe('sk_test_0123456789abcdefghij', { vaultUrl: 'http://127.0.0.1:4000' }).webhooks.verify(payload, headers, secret),
    ).toEqual(expected);
  });

  test('the fixed vector: it signs exactly the vector signature our verifier accepts', () => {
    expect(new Webhook(V.sign.secret).sign(V.sign.msgId, new Date(at), V.sign.payload)).toBe(V.sign.signature);
  });

  test('the reverse: on the same deliveries, ours and the library accept and refuse alike', () => {
    const wh = new Webhook(secret);
    const now = new Date();
    const ts = String(Math.floor(now.getTime() / 1000));
    const good = wh.sign('msg_d', now, payload);
    const cases: [string, string, Record<string, string>][] = [
      ['valid', payload, { 'webhook-id': 'msg_d', 'webhook-timestamp': ts, 'webhook-signature': good }],
      [
        'decoys first',
        payload,
        { 'webhook-id': 'msg_d', 'webhook-timestamp': ts, 'webhook-signature': `${V.decoySignatures.join(' ')} ${good}` },
      ],
      ['body changed', `${payload} `, { 'webhook-id': 'msg_d', 'webhook-timestamp': ts, 'webhook-signature': good }],
      ['id changed', payload, { 'webhook-id': 'msg_e', 'webhook-timestamp': ts, 'webhook-signature': good }],
      ['stale', payload, { 'webhook-id': 'msg_d', 'webhook-timestamp': String(Number(ts) - 301), 'webhook-signature': good }],
      ['future', payload, { 'webhook-id': 'msg_d', 'webhook-timestamp': String(Number(ts) + 301), 'webhook-signature': good }],
      ['no signature', payload, { 'webhook-id': 'msg_d', 'webhook-timestamp': ts }],
      ['truncated', payload, { 'webhook-id': 'msg_d', 'webhook-timestamp': ts, 'webhook-signature': good.slice(0, 10) }],
    ];
    const verdicts = cases.map(([name, body, headers]) => {
      const theirs = (() => {
        try {
          wh.verify(body, headers);
          return true;
        } catch {
          return false;
        }
      })();
      const ours = (() => {
        try {
          verifyWebhook(body, headers, secret);
          return true;
        } catch (e) {
          if (e instanceof WebhookVerificationError) return false;
          throw e;
        }
      })();
      return [name, ours, theirs];
    });
    expect(verdicts.filter(([, ours, theirs]) => ours !== theirs)).toEqual([]);
    expect(verdicts.filter(([, ours]) => ours).map(([name]) => name)).toEqual(['valid', 'decoys first']);
  });

  test('a rotated secret: either of two secrets, and the vault signing with both', () => {
    const oldSecret = `whsec_${Buffer.alloc(32, 1).toString('base64')}`;
    const newSecret = `whsec_${Buffer.alloc(32, 2).toString('base64')}`;
    const now = new Date();
    const id = 'msg_rot';
    const both = `${new Webhook(oldSecret).sign(id, now, payload)} ${new Webhook(newSecret).sign(id, now, payload)}`;
    const headers = { 'webhook-id': id, 'webhook-timestamp': String(Math.floor(now.getTime() / 1000)), 'webhook-signature': both };
    expect(verifyWebhook(payload, headers, newSecret).type).toBe('token.created');
    expect(verifyWebhook(payload, headers, oldSecret).type).toBe('token.created');
    const onlyOld = { ...headers, 'webhook-signature': new Webhook(oldSecret).sign(id, now, payload) };
    expect(verifyWebhook(payload, onlyOld, [newSecret, oldSecret]).type).toBe('token.created');
    expect(reason(() => verifyWebhook(payload, onlyOld, newSecret))).toBe('no_matching_signature');
  });
});

describe('hostile deliveries', () => {
  const secret = V.sign.secret;
  const wh = new Webhook(secret);
  const signedNow = (body: string, id = 'msg_h') => {
    const now = new Date();
    return { 'webhook-id': id, 'webhook-timestamp': String(Math.floor(now.getTime() / 1000)), 'webhook-signature': wh.sign(id, now, body) };
  };

  test.each([
    ['a changed body', (h: Record<string, string>) => ({ body: '{"test": 2432232315}', headers: h })],
    ['a whitespace change', (h: Record<string, string>) => ({ body: '{"test":2432232314}', headers: h })],
    ['another message id', (h: Record<string, string>) => ({ body: V.sign.payload, headers: { ...h, 'webhook-id': 'msg_other' } })],
    [
      'a shifted timestamp',
      (h: Record<string, string>) => ({
        body: V.sign.payload,
        headers: { ...h, 'webhook-timestamp': String(Number(h['webhook-timestamp']) + 1) },
      }),
    ],
    [
      'the signature without its v1, prefix',
      (h: Record<string, string>) => ({ body: V.sign.payload, headers: { ...h, 'webhook-signature': h['webhook-signature']!.slice(3) } }),
    ],
    [
      'the signature as v1a (asymmetric), not v1',
      (h: Record<string, string>) => ({
        body: V.sign.payload,
        headers: { ...h, 'webhook-signature': `v1a,${h['webhook-signature']!.slice(3)}` },
      }),
    ],
  ])('%s → no_matching_signature', (_name, mutate) => {
    const { body, headers } = mutate(signedNow(V.sign.payload));
    expect(reason(() => verifyWebhook(body, headers, secret))).toBe('no_matching_signature');
  });

  test('a signed body that is not a JSON object → invalid_payload, only after the signature matched', () => {
    expect(reason(() => verifyWebhook('[1]', signedNow('[1]'), secret))).toBe('invalid_payload');
    expect(reason(() => verifyWebhook('nope', signedNow('nope'), secret))).toBe('invalid_payload');
  });

  test('a timestamp in milliseconds, negative or with a fraction → invalid or stale, never accepted', () => {
    const h = signedNow(V.sign.payload);
    expect(reason(() => verifyWebhook(V.sign.payload, { ...h, 'webhook-timestamp': `${h['webhook-timestamp']}000` }, secret))).toBe(
      'invalid_timestamp',
    );
    expect(reason(() => verifyWebhook(V.sign.payload, { ...h, 'webhook-timestamp': `-${h['webhook-timestamp']}` }, secret))).toBe(
      'invalid_timestamp',
    );
    expect(reason(() => verifyWebhook(V.sign.payload, { ...h, 'webhook-timestamp': `${h['webhook-timestamp']}.5` }, secret))).toBe(
      'invalid_timestamp',
    );
  });

  test('two webhook-id headers → missing_header (ambiguous), and the secret never appears in a message', () => {
    const h = signedNow(V.sign.payload);
    expect(reason(() => verifyWebhook(V.sign.payload, { ...h, 'webhook-id': ['msg_a', 'msg_b'] }, secret))).toBe('missing_header');
    try {
      verifyWebhook('{"x":1}', h, secret);
    } catch (e) {
      expect(String((e as Error).message)).not.toContain(V.unprefixedSecret);
    }
  });

  test('misuse throws a TypeError at once: parsed JSON instead of the raw body, a secret that is not base64', () => {
    const h = signedNow(V.sign.payload);
    expect(() => verifyWebhook(JSON.parse(V.sign.payload) as string, h, secret)).toThrow(TypeError);
    expect(() => verifyWebhook(V.sign.payload, h, 'whsec_not base64!')).toThrow(TypeError);
    expect(() => verifyWebhook(V.sign.payload, h, [])).toThrow(TypeError);
  });
});
