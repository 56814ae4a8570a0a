import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CvcCipher } from '../../src/cvc/cvc-cipher';
import { TokenService } from '../../src/services/token-service';
import type { ApiKeyRecord } from '../../src/stores/records';
import { makeHarness, SHOP, type Harness } from '../harness';

/**
 * An unwrapped CVC key generation exists only in Buffers that the vault zeroes after the one seal,
 * open or check it was fetched for — on every path, failures included. (What this cannot reach —
 * copies V8 or OpenSSL make — is in docs/security.md, "CVC crypto-shredding".) Each test catches
 * the very Buffer the generations handed out and looks at it afterwards.
 */
let h: Harness;
let pk: string;
let secretKey: ApiKeyRecord;
beforeAll(async () => {
  h = await makeHarness();
  pk = (await h.key('--account', 'shop', '--type', 'publishable', '--env', 'test', '--origin', SHOP)).key;
  const sk = (await h.key('--account', 'shop', '--type', 'secret', '--env', 'test', '--scope', 'tokens:read', '--scope', 'tokens:reveal'))
    .key;
  const auth = await h.vault.keys.authenticate(sk, 'secret');
  if (!auth.ok) throw new Error(auth.code);
  secretKey = auth.key;
});
afterAll(() => h.close());

const zeroed = (b: Buffer | undefined) => b !== undefined && b.length === 32 && b.every((x) => x === 0);

/** A cipher over the vault's real generations whose handed-out key Buffers are kept for inspection. */
function watchedCipher(): { cipher: CvcCipher; handedOut: Buffer[] } {
  const handedOut: Buffer[] = [];
  const g = h.vault.cvcKeys;
  const cipher = new CvcCipher(g, h.vault.secrets.kekFor);
  const keyFor = cipher.keyFor.bind(cipher);
  cipher.keyFor = async (envelope, now) => {
    const k = await keyFor(envelope, now);
    if (k.key) handedOut.push(k.key);
    return k;
  };
  return { cipher, handedOut };
}

async function tokenWithCvc(): Promise<string> {
  const res = await h.tokenize(pk, await h.seal({ pk, sid: await h.session(pk), cvc: '314' }));
  return ((await res.json()) as { id: string }).id;
}

describe('generation keys are zeroed after use', () => {
  test('a reveal whose database transaction throws still zeroes the key it fetched, and deletes nothing', async () => {
    const id = await tokenWithCvc();
    const { cipher, handedOut } = watchedCipher();
    const store = h.vault.stores;
    const failing = new Proxy(store, {
      get: (target, name) => {
        if (name === 'transaction') return () => Promise.reject(new Error('connection lost mid-transaction'));
        const v = Reflect.get(target, name, target) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    const tokens = new TokenService({
      store: failing,
      keys: h.vault.keys,
      secrets: h.vault.secrets,
      apiOrigin: 'http://127.0.0.1:4000',
      tokenTtlMs: 60_000,
      cvc: cipher,
      now: () => h.clock.now,
    });
    await expect(tokens.reveal(secretKey, id, 'req_1')).rejects.toThrow('connection lost');
    expect(handedOut).toHaveLength(1);
    expect(zeroed(handedOut[0])).toBe(true);
    expect((await h.vault.stores.tokens.find(id))?.cvcEnc).not.toBeNull();
  });

  test.each([
    ['the CVC opens', 'ok'],
    ["the envelope does not open (another token's AAD)", 'wrong-aad'],
    ['a concurrent reveal took the CVC first', 'gone'],
  ])('open zeroes the key when %s', async (_n, how) => {
    const id = await tokenWithCvc();
    const envelope = (await h.vault.stores.tokens.find(id))!.cvcEnc!;
    const { cipher, handedOut } = watchedCipher();
    const k = await cipher.keyFor(envelope, h.clock.now);
    const aad = { account: (await h.vault.stores.tokens.find(id))!.accountId, token: how === 'wrong-aad' ? 'tok_other' : id, field: 'cvc' };
    const cvc = cipher.open(k, how === 'gone' ? undefined : envelope, aad);
    expect(cvc).toBe(how === 'ok' ? '314' : undefined);
    expect(zeroed(handedOut[0])).toBe(true);
  });

  test('readable() (cvcPresent on reads) opens into a Buffer and zeroes the key; it agrees with the reveal', async () => {
    const id = await tokenWithCvc();
    const t = (await h.vault.stores.tokens.find(id))!;
    const { cipher, handedOut } = watchedCipher();
    const aad = { account: t.accountId, token: id, field: 'cvc' };
    expect(await cipher.readable(t.cvcEnc!, aad, h.clock.now)).toBe(true);
    expect(await cipher.readable(t.cvcEnc!, { ...aad, token: 'tok_other' }, h.clock.now)).toBe(false);
    expect(handedOut.map(zeroed)).toEqual([true, true]);
  });

  test('seal zeroes the generation key once the CVC is sealed', async () => {
    const g = h.vault.cvcKeys;
    const handedOut: Buffer[] = [];
    const current = g.current.bind(g);
    g.current = async (now) => {
      const k = await current(now);
      handedOut.push(k.key);
      return k;
    };
    try {
      const envelope = await new CvcCipher(g, h.vault.secrets.kekFor).seal(
        '271',
        { account: 'acct_x', token: 'tok_x', field: 'cvc' },
        h.clock.now,
      );
      expect(envelope).toMatch(/^v1\.cg-/);
      expect(zeroed(handedOut[0])).toBe(true);
    } finally {
      g.current = current;
    }
  });
});
