// Every token resource and events.list against a real vault (SQLite, ephemeral ports, real HTTP).
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  Tokenframe,
  TokenframeAuthenticationError,
  TokenframeInvalidRequestError,
  TokenframePermissionError,
  TokenframeConflictError,
  type TokenframeApiError,
} from '../src/index.js';
import { startTestVault, type TestVault } from './support/test-vault.js';

let vault: TestVault;
let sk: string;
let tf: Tokenframe;

beforeAll(async () => {
  vault = await startTestVault();
  sk = await vault.secretKey();
  tf = new Tokenframe(sk, { vaultUrl: vault.url });
});
afterAll(() => vault?.stop());

async function thrown(p: Promise<unknown>): Promise<TokenframeApiError> {
  try {
    await p;
  } catch (e) {
    return e as TokenframeApiError;
  }
  throw new Error('resolved, but should have thrown');
}

describe('tokens', () => {
  test('retrieve → the read view: brand, BIN, last4, fingerprint, never the number', async () => {
    const id = await vault.tokenize();
    const t = await tf.tokens.retrieve(id);
    expect(t).toMatchObject({ id, livemode: false, cvcPresent: true, card: { brand: 'visa', bin: '42424242', last4: '4242' } });
    expect(typeof t.card.fingerprint).toBe('string');
    expect(JSON.stringify(t)).not.toContain('4242424242424242');
  });

  test('persist → expiresAt null; reveal → the card once with its CVC, then without; delete → gone (404 after)', async () => {
    const id = await vault.tokenize();
    expect((await tf.tokens.persist(id)).expiresAt).toBeNull();
    const first = await tf.tokens.reveal(id);
    expect(first.card).toMatchObject({ number: '4242424242424242', cvc: '123' });
    expect((await tf.tokens.reveal(id)).card.cvc).toBeUndefined();
    expect(await tf.tokens.delete(id)).toEqual({ id, deleted: true });
    const e = await thrown(tf.tokens.retrieve(id));
    expect(e).toBeInstanceOf(TokenframeInvalidRequestError);
    expect(e).toMatchObject({ status: 404, type: 'invalid_request_error', code: 'resource_missing', retryable: false });
    expect(e.requestId).toMatch(/^req_/);
  });

  test('a caller-chosen Idempotency-Key replays: two persists, one stored answer', async () => {
    const id = await vault.tokenize();
    const a = await tf.tokens.persist(id, { idempotencyKey: `persist-${id}` });
    const b = await tf.tokens.persist(id, { idempotencyKey: `persist-${id}` });
    expect(b).toEqual(a);
    const e = await thrown(tf.tokens.reveal(id, { idempotencyKey: `persist-${id}` }));
    expect(e).toMatchObject({ status: 422, code: 'idempotency_conflict' });
  });

  test('misuse throws before any request: a charge id as a token, a path in the id, a bad Idempotency-Key', async () => {
    await expect(tf.tokens.retrieve('ch_123')).rejects.toThrow(TypeError);
    await expect(tf.tokens.retrieve('tok_../../v1/keys')).rejects.toThrow(TypeError);
    await expect(tf.tokens.persist('tok_abcdefgh', { idempotencyKey: 'has space' })).rejects.toThrow(TypeError);
  });
});

describe('errors by class of fault', () => {
  test('401 an unknown key → TokenframeAuthenticationError, and the key appears nowhere in it', async () => {
    const wrong = 'sk_test_' + 'x'.repeat(32);
    const e = await thrown(new Tokenframe(wrong, { vaultUrl: vault.url }).tokens.retrieve('tok_abcdefgh'));
    expect(e).toBeInstanceOf(TokenframeAuthenticationError);
    expect(e).toMatchObject({ status: 401, code: 'invalid_api_key', retryable: false });
    expect(`${e.stack} ${inspect(e, { depth: 9, showHidden: true })} ${JSON.stringify(e)}`).not.toContain(wrong);
  });

  test('403 a key without the scope → TokenframePermissionError', async () => {
    const readOnly = new Tokenframe(await vault.secretKey(['tokens:read']), { vaultUrl: vault.url });
    const e = await thrown(readOnly.tokens.reveal(await vault.tokenize()));
    expect(e).toBeInstanceOf(TokenframePermissionError);
    expect(e).toMatchObject({ status: 403, code: 'insufficient_scope' });
  });

  test('409 a reveal replayed under the same key → TokenframeConflictError replayed_request, not retried', async () => {
    const id = await vault.tokenize();
    await tf.tokens.reveal(id, { idempotencyKey: `reveal-${id}` });
    const e = await thrown(tf.tokens.reveal(id, { idempotencyKey: `reveal-${id}` }));
    expect(e).toBeInstanceOf(TokenframeConflictError);
    expect(e).toMatchObject({ status: 409, code: 'replayed_request', retryable: false });
  });

  test('a test key never sees live data: a live key on a test token is a 404', async () => {
    const live = new Tokenframe(await vault.secretKey(['tokens:read'], 'live'), { vaultUrl: vault.url });
    expect(live.mode).toBe('live');
    expect(await thrown(live.tokens.retrieve(await vault.tokenize()))).toMatchObject({ status: 404, code: 'resource_missing' });
  });
});

describe('events.list', () => {
  test("iterates the events of the key's mode, newest first, filtered by type; pages() shows the page", async () => {
    const ids = [await vault.tokenize(), await vault.tokenize()];
    for (const id of ids) await tf.tokens.delete(id);
    const seen: string[] = [];
    for await (const e of tf.events.list({ type: 'token.deleted', limit: 100 })) seen.push(String(e.data.tokenId));
    expect(seen.slice(0, 2)).toEqual([ids[1], ids[0]]);
    const pages = [];
    for await (const p of tf.events.list({ type: 'token.deleted', limit: 1 }).pages()) pages.push(p);
    expect(pages).toHaveLength(1); // today the vault has no cursor: one page of at most `limit`
    expect(pages[0]!.data).toHaveLength(1);
    const e = await thrown(
      (async () => {
        for await (const _ of tf.events.list({ limit: 0 })) void _;
      })(),
    );
    expect(e).toMatchObject({ status: 400, code: 'malformed_request', param: 'limit' });
  });
});

describe('the secret key', () => {
  test.each([
    ['a publishable key', 'pk_test_abcdefghijklmnopqrstuvwx', /publishable key.*browser.*secret key/],
    ['a live publishable key', 'pk_live_abcdefghijklmnopqrstuvwx', /publishable key/],
    ['an empty string', '', /missing/],
    ['something else', 'rk_test_abcdefghijklmnopqrstuvwx', /sk_test_ or sk_live_/],
    ['a key with a newline', 'sk_test_abcdefghijklmnop\nX-Evil: 1', /sk_test_ or sk_live_/],
  ])('%s throws at construction, without repeating the key', (_name, key, message) => {
    let error: Error | undefined;
    try {
      new Tokenframe(key, { vaultUrl: vault.url });
    } catch (e) {
      error = e as Error;
    }
    expect(error).toBeInstanceOf(TypeError);
    expect(error!.message).toMatch(message);
    if (key) expect(error!.message).not.toContain(key);
  });

  test('never in util.inspect, JSON.stringify, or the resources', () => {
    const shown = [
      inspect(tf, { depth: Infinity, showHidden: true }),
      JSON.stringify(tf),
      inspect(tf.tokens, { showHidden: true, depth: Infinity }),
      inspect(tf.charges),
      String(tf),
    ].join('\n');
    expect(shown).not.toContain(sk);
    expect(shown).not.toContain(sk.slice(8, 20));
    expect(JSON.stringify(tf)).toBe(JSON.stringify({ vaultUrl: vault.url, mode: 'test' }));
    expect(Object.keys(tf)).not.toContain('secretKey');
  });

  test('vaultUrl is checked: a live key over plain http to a remote host is refused', async () => {
    const live = await vault.secretKey(['tokens:read'], 'live');
    expect(() => new Tokenframe(live, { vaultUrl: 'http://vault.example.com' })).toThrow(/https/);
    expect(() => new Tokenframe(sk, { vaultUrl: 'vault.example.com' })).toThrow(/vaultUrl/);
    expect(new Tokenframe(sk, { vaultUrl: `${vault.url}/` }).vaultUrl).toBe(vault.url);
  });
});
