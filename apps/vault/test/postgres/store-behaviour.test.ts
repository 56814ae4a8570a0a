import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { commitVerdict, spendSession } from '../../src/services/session-rule';
import { openPgStores } from '../../src/stores/postgres/pg-stores';
import { purgeExpired } from '../../src/stores/purge-expired';
import type { ApiKeyRecord, ChargeRecord, SessionRecord, TokenRecord } from '../../src/stores/records';
import { Rollback } from '../../src/stores/rollback';
import { openSqliteStores } from '../../src/stores/sqlite/sqlite-stores';
import type { VaultStores } from '../../src/stores/vault-stores';
import { freshPgSchema } from '../support/services';

/** The VaultStores contract, run unchanged against both backends (each on a fresh database/schema). */
type Opened = { store: VaultStores; dispose: () => Promise<void> };
const ADAPTERS: [string, () => Promise<Opened>][] = [
  [
    'sqlite',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'tf-store-'));
      const store = openSqliteStores(join(dir, 'vault.sqlite'));
      return {
        store,
        dispose: async () => {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  ],
  [
    'postgres',
    async () => {
      const pg = await freshPgSchema();
      const store = await openPgStores(pg.url, { schema: pg.schema, poolSize: 4 });
      return {
        store,
        dispose: async () => {
          await store.close();
          await pg.drop();
        },
      };
    },
  ],
];

const T0 = 1_800_000_000_000;
const key = (id: string, over: Partial<ApiKeyRecord> = {}): ApiKeyRecord => ({
  id,
  accountId: 'acct_1',
  type: 'publishable',
  env: 'test',
  hash: Buffer.from(id.padEnd(32, 'x')),
  hint: 'pk_test_…',
  label: '',
  origins: ['http://localhost:5173'],
  scopes: [],
  ipAllowlist: ['10.0.0.1'],
  createdAt: T0,
  expiresAt: null,
  revokedAt: null,
  ...over,
});
const session = (id: string, over: Partial<SessionRecord> = {}): SessionRecord => ({
  id,
  accountId: 'acct_1',
  keyId: 'key_1',
  origin: 'http://localhost:5173',
  createdAt: T0,
  expiresAt: T0 + 60_000,
  maxUses: 2,
  uses: 0,
  ...over,
});
const token = (id: string, over: Partial<TokenRecord> = {}): TokenRecord => ({
  id,
  accountId: 'acct_1',
  keyId: 'key_1',
  livemode: false,
  brand: 'visa',
  bin: '42424242',
  last4: '4242',
  expMonth: 12,
  expYear: 2040,
  fingerprint: 'fp',
  panEnc: 'env-pan',
  cvcEnc: 'env-cvc',
  cvcExpiresAt: T0 + 600_000,
  nameEnc: null,
  postalEnc: 'env-postal',
  network: 'visa',
  createdAt: T0,
  expiresAt: T0 + 1_800_000,
  ...over,
});
const stored = { status: 201, body: '{"id":"tok"}' };
const charge = (id: string, over: Partial<ChargeRecord> = {}): ChargeRecord => ({
  id,
  accountId: 'acct_1',
  keyId: 'key_1',
  livemode: false,
  connectionId: 'conn_1',
  tokenId: 'tok_1',
  idempotencyKey: `key_1:${id}`,
  orderId: null,
  amount: 1000,
  currency: 'USD',
  capture: true,
  status: 'pending',
  amountAuthorized: 0,
  amountCaptured: 0,
  amountRefunded: 0,
  brand: 'visa',
  last4: '4242',
  network: null,
  processor: { name: 'cardpointe', authcode: '', retref: '', respcode: '', resptext: '', respstat: '', avsresp: '', cvvresp: '' },
  processorAccount: null,
  failureCode: null,
  createdAt: T0,
  updatedAt: T0,
  ...over,
});

const createdEvent = (t: TokenRecord, at: number) => ({
  id: `evt_${t.id}`,
  accountId: t.accountId,
  livemode: t.livemode,
  type: 'token.created',
  createdAt: at,
  data: { tokenId: t.id },
});

/**
 * What TokenService does: the session rule, the token, its `token.created` event (with the webhook
 * outbox rows) and its stored response in one transaction (on PostgreSQL the one-statement
 * `commitToken`, so both backends' tokenize commits meet one contract).
 */
const commitToken = async (
  s: VaultStores,
  a: { token: TokenRecord; sid: string; jti: string; now: number; idempotency: { key: string; response: typeof stored } },
) =>
  s.commitToken
    ? commitVerdict(
        await s.commitToken({
          sid: a.sid,
          keyId: a.token.keyId,
          jti: a.jti,
          now: a.now,
          token: a.token,
          idempotency: { accountId: a.token.accountId, ...a.idempotency },
          event: createdEvent(a.token, a.now),
        }),
        a.token.keyId,
        a.now,
      )
    : s.transaction(async (tx) => {
        const spent = await spendSession(tx, { sid: a.sid, keyId: a.token.keyId, jti: a.jti, now: a.now });
        if (spent !== 'ok') return spent;
        await tx.tokens.insert(a.token);
        await tx.events.record(createdEvent(a.token, a.now));
        await tx.idempotency.finish(a.token.accountId, a.idempotency.key, a.idempotency.response);
        return 'ok';
      });

describe.each(ADAPTERS)('VaultStores contract: %s', (_name, open) => {
  let s: VaultStores;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store: s, dispose } = await open());
    await s.keys.createAccount({ id: 'acct_1', name: 'shop', createdAt: T0 });
    await s.keys.insertKey(key('key_1'));
  });
  afterAll(() => dispose());

  test('accounts, origins and keys round-trip with every field', async () => {
    expect(await s.keys.findAccountByName('shop')).toEqual({ id: 'acct_1', name: 'shop', createdAt: T0 });
    expect(await s.keys.findAccount('acct_nope')).toBeUndefined();
    await s.keys.verifyOrigin('acct_1', 'https://shop.example', T0);
    await s.keys.verifyOrigin('acct_1', 'https://shop.example', T0 + 1); // idempotent
    expect([
      await s.keys.isOriginVerified('acct_1', 'https://shop.example'),
      await s.keys.isOriginVerified('acct_1', 'https://x.example'),
    ]).toEqual([true, false]);
    expect([await s.keys.accountsVerifying('https://shop.example'), await s.keys.accountsVerifying('https://x.example')]).toEqual([
      ['acct_1'],
      [],
    ]);
    expect(await s.keys.findKey('key_1')).toEqual(key('key_1'));
    expect(await s.keys.findKeyByHash(key('key_1').hash)).toEqual(key('key_1'));
    await expect(s.keys.insertKey(key('key_dup', { hash: key('key_1').hash }))).rejects.toThrow();
  });

  test('roll gives the old key an overlap and inserts the successor atomically; revoke happens once', async () => {
    await s.keys.insertKey(key('key_old', { hash: Buffer.from('o'.repeat(32)) }));
    await s.keys.rollKey('key_old', T0 + 5000, key('key_new', { hash: Buffer.from('n'.repeat(32)) }));
    expect((await s.keys.findKey('key_old'))?.expiresAt).toBe(T0 + 5000);
    expect((await s.keys.listKeys('acct_1')).map((k) => k.id)).toEqual(expect.arrayContaining(['key_1', 'key_old', 'key_new']));
    expect([await s.keys.revokeKey('key_new', T0), await s.keys.revokeKey('key_new', T0 + 1)]).toEqual([true, false]);
  });

  test.each([
    ['same body, done → stored response', 'same', 'done', { kind: 'stored', response: stored }],
    ['different body → conflict', 'other', 'done', { kind: 'conflict' }],
    ['same body, still running → in_flight', 'same', 'running', { kind: 'in_flight' }],
    ['same body, claim older than staleAfter → new (taken over)', 'same', 'stale', { kind: 'new' }],
  ])('idempotency: %s', async (_n, body, state, expected) => {
    const k = `idem_${body}_${state}`;
    expect(await s.idempotency.begin('acct_1', k, 'h1', T0, 60_000)).toEqual({ kind: 'new' });
    if (state === 'done') await s.idempotency.finish('acct_1', k, stored);
    const later = state === 'stale' ? T0 + 61_000 : T0 + 1;
    expect(await s.idempotency.begin('acct_1', k, body === 'same' ? 'h1' : 'h2', later, 60_000)).toEqual(expected);
  });

  test('idempotency: released claims run again; keys are scoped by their owner', async () => {
    expect(await s.idempotency.begin('acct_1', 'rel', 'h', T0, 60_000)).toEqual({ kind: 'new' });
    await s.idempotency.finish('acct_1', 'rel', undefined);
    expect(await s.idempotency.begin('acct_1', 'rel', 'h', T0, 60_000)).toEqual({ kind: 'new' });
    expect(await s.idempotency.begin('acct_2', 'rel', 'other', T0, 60_000)).toEqual({ kind: 'new' });
  });

  test('idempotency: of concurrent claims exactly one is new', async () => {
    const r = await Promise.all(Array.from({ length: 8 }, () => s.idempotency.begin('acct_1', 'race', 'h', T0, 60_000)));
    expect(r.filter((x) => x.kind === 'new')).toHaveLength(1);
    expect(r.filter((x) => x.kind === 'in_flight')).toHaveLength(7);
  });

  test('commitToken: ok, then replayed jti, exhausted session, expired or foreign session', async () => {
    await s.sessions.insert(session('ses_a'));
    const commit = (id: string, jti: string, sid = 'ses_a', now = T0 + 1) =>
      s.idempotency
        .begin('acct_1', `c_${id}`, 'h', now, 60_000)
        .then(() => commitToken(s, { token: token(id), sid, jti, now, idempotency: { key: `c_${id}`, response: stored } }));
    expect(await commit('tok_1', 'jti_1')).toBe('ok');
    expect(await s.sessions.isJtiSeen('jti_1')).toBe(true);
    expect(await s.idempotency.begin('acct_1', 'c_tok_1', 'h', T0 + 2, 60_000)).toEqual({ kind: 'stored', response: stored });
    expect(await commit('tok_2', 'jti_1')).toBe('replayed');
    expect(await s.tokens.find('tok_2')).toBeUndefined();
    expect(await commit('tok_3', 'jti_3')).toBe('ok');
    expect(await commit('tok_4', 'jti_4')).toBe('session_exhausted');
    expect((await s.sessions.find('ses_a'))?.uses).toBe(2);
    // A refused commit writes nothing: no token, no jti, the Idempotency-Key still in flight.
    expect(await s.tokens.find('tok_4')).toBeUndefined();
    expect(await s.sessions.isJtiSeen('jti_4')).toBe(false);
    expect((await s.idempotency.begin('acct_1', 'c_tok_4', 'h', T0 + 2, 60_000)).kind).toBe('in_flight');
    await s.sessions.insert(session('ses_b'));
    expect(await commit('tok_5', 'jti_5', 'ses_b', T0 + 60_000)).toBe('session_expired');
    await s.sessions.insert(session('ses_c', { keyId: 'key_other' }));
    expect(await commit('tok_6', 'jti_6', 'ses_c')).toBe('session_expired');
    expect(await commit('tok_7', 'jti_7', 'ses_missing')).toBe('session_expired');
    expect(await s.tokens.find('tok_1')).toEqual(token('tok_1'));
  });

  test('commitToken: token.created and its outbox rows (subscribed, enabled, same mode) commit with the token; a refused commit writes neither', async () => {
    const endpoint = (id: string, over: { events?: string[]; livemode?: boolean; disabledAt?: number } = {}) => ({
      id,
      accountId: 'acct_1',
      livemode: over.livemode ?? false,
      url: 'https://hooks.example.com/x',
      events: over.events ?? ['token.created'],
      description: null,
      secretEnc: 'sealed',
      previousSecretEnc: null,
      previousSecretExpiresAt: null,
      disabledAt: over.disabledAt ?? null,
      disabledReason: null,
      failingSince: null,
      createdAt: T0,
    });
    await s.webhooks.insertEndpoint(endpoint('we_sub'));
    await s.webhooks.insertEndpoint(endpoint('we_all', { events: ['*'] }));
    await s.webhooks.insertEndpoint(endpoint('we_other_type', { events: ['charge.succeeded'] }));
    await s.webhooks.insertEndpoint(endpoint('we_live', { livemode: true }));
    await s.webhooks.insertEndpoint(endpoint('we_off', { disabledAt: T0 }));
    await s.sessions.insert(session('ses_ev', { maxUses: 1 }));
    const commit = (id: string, jti: string) =>
      s.idempotency
        .begin('acct_1', `ev_${id}`, 'h', T0 + 1, 60_000)
        .then(() =>
          commitToken(s, { token: token(id), sid: 'ses_ev', jti, now: T0 + 1, idempotency: { key: `ev_${id}`, response: stored } }),
        );
    expect(await commit('tok_ev1', 'jti_ev1')).toBe('ok');
    expect((await s.events.find('evt_tok_ev1'))?.type).toBe('token.created');
    expect((await s.webhooks.listDeliveries('evt_tok_ev1')).map((d) => d.endpointId).sort()).toEqual(['we_all', 'we_sub']);
    expect(await commit('tok_ev2', 'jti_ev2')).toBe('session_exhausted');
    expect(await s.events.find('evt_tok_ev2')).toBeUndefined();
    expect(await s.webhooks.listDeliveries('evt_tok_ev2')).toEqual([]);
    for (const id of ['we_sub', 'we_all', 'we_other_type', 'we_live', 'we_off']) await s.webhooks.deleteEndpoint(id);
  });

  test('commitToken: concurrent commits cannot overspend a session', async () => {
    await s.sessions.insert(session('ses_race', { maxUses: 3 }));
    const r = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        commitToken(s, {
          token: token(`tok_r${i}`),
          sid: 'ses_race',
          jti: `jti_r${i}`,
          now: T0 + 1,
          idempotency: { key: `r${i}`, response: stored },
        }),
      ),
    );
    expect(r.filter((x) => x === 'ok')).toHaveLength(3);
    expect((await s.sessions.find('ses_race'))?.uses).toBe(3);
  });

  test('reveal returns the token as it was, deletes the CVC and leaves an audit event; delete too', async () => {
    await s.sessions.insert(session('ses_rv'));
    await commitToken(s, { token: token('tok_rv'), sid: 'ses_rv', jti: 'jti_rv', now: T0, idempotency: { key: 'rv', response: stored } });
    expect((await s.tokens.takeCvc('tok_rv'))?.cvcEnc).toBe('env-cvc');
    await s.events.audit({
      at: T0 + 10,
      accountId: 'acct_1',
      livemode: false,
      keyId: 'key_sk',
      action: 'reveal',
      tokenId: 'tok_rv',
      requestId: 'req_1',
    });
    expect((await s.tokens.find('tok_rv'))?.cvcEnc).toBeNull();
    expect(await s.tokens.takeCvc('tok_none')).toBeUndefined();
    expect([await s.tokens.delete('tok_rv'), await s.tokens.delete('tok_rv')]).toEqual([
      { accountId: 'acct_1', livemode: false },
      undefined,
    ]);
    await s.events.audit({
      at: T0 + 20,
      accountId: 'acct_1',
      livemode: false,
      keyId: 'key_sk',
      action: 'delete',
      tokenId: 'tok_rv',
      requestId: 'req_2',
    });
    // Since migration 7 a delete is listed from its recorded event (the audit row stays as the trail).
    await s.events.record({
      id: 'evt_del',
      accountId: 'acct_1',
      type: 'token.deleted',
      livemode: false,
      createdAt: T0 + 20,
      data: { tokenId: 'tok_rv', keyId: 'key_sk', requestId: 'req_2' },
    });
    const events = (await s.events.list('acct_1', { livemode: false, limit: 20 })).filter((e) => e.type !== 'token.created');
    expect(events.map((e) => [e.type, e.data.tokenId, e.data.requestId, e.livemode])).toEqual([
      ['token.deleted', 'tok_rv', 'req_2', false],
      ['token.revealed', 'tok_rv', 'req_1', false],
    ]);
    expect((await s.events.list('acct_1', { livemode: false, limit: 10, type: 'token.revealed' })).map((e) => e.type)).toEqual([
      'token.revealed',
    ]);
    expect(await s.events.list('acct_1', { livemode: true, limit: 10 })).toEqual([]);
  });

  test('recorded events list newest first, filtered by type, account and mode, capped by limit', async () => {
    for (let i = 0; i < 3; i++)
      await s.events.record({
        id: `evt_${i}`,
        accountId: 'acct_1',
        type: 'card_testing_suspected',
        livemode: false,
        createdAt: T0 + 100 + i,
        data: { scope: 'bin', bin: '42424242' },
      });
    await s.events.record({
      id: 'evt_other',
      accountId: 'acct_2',
      type: 'card_testing_suspected',
      livemode: false,
      createdAt: T0 + 200,
      data: {},
    });
    await s.events.record({
      id: 'evt_live',
      accountId: 'acct_1',
      type: 'card_testing_suspected',
      livemode: true,
      createdAt: T0 + 300,
      data: {},
    });
    const got = await s.events.list('acct_1', { livemode: false, limit: 2, type: 'card_testing_suspected' });
    expect(got).toEqual([
      {
        id: 'evt_2',
        accountId: 'acct_1',
        type: 'card_testing_suspected',
        livemode: false,
        createdAt: T0 + 102,
        data: { scope: 'bin', bin: '42424242' },
      },
      {
        id: 'evt_1',
        accountId: 'acct_1',
        type: 'card_testing_suspected',
        livemode: false,
        createdAt: T0 + 101,
        data: { scope: 'bin', bin: '42424242' },
      },
    ]);
    expect((await s.events.list('acct_1', { livemode: true, limit: 10 })).map((e) => e.id)).toEqual(['evt_live']);
  });

  test('persist clears the expiry of a live token only', async () => {
    await s.sessions.insert(session('ses_p'));
    await commitToken(s, { token: token('tok_p'), sid: 'ses_p', jti: 'jti_p', now: T0, idempotency: { key: 'p', response: stored } });
    expect((await s.tokens.persist('tok_p', T0 + 1))?.expiresAt).toBeNull();
    expect(await s.tokens.persist('tok_missing', T0)).toBeUndefined();
  });

  test('state, rewrap and purge', async () => {
    await s.state.put('k', 'v1', T0);
    await s.state.put('k', 'v2', T0 + 1);
    expect(await s.state.get('k')).toBe('v2');
    const rw = (env: string, field: string) => `${field}:${env}`;
    const n = (await s.tokens.rewrap(rw)) + (await s.state.rewrap(rw));
    expect(n).toBeGreaterThan(0);
    expect((await s.tokens.find('tok_1'))?.panEnc).toBe('pan:env-pan');
    expect(await s.state.get('k')).toBe('state:v2');
    const counts = await purgeExpired(s, T0 + 2 * 86_400_000);
    expect(counts.tokens).toBeGreaterThan(0);
    expect(counts.sessions).toBeGreaterThan(0);
    expect(counts.jtis).toBeGreaterThan(0);
    expect(counts.idempotency).toBeGreaterThan(0);
    expect(await s.tokens.find('tok_1')).toBeUndefined();
    expect(await s.tokens.find('tok_p')).toBeDefined(); // persisted: kept
  });

  test('transaction: writes to several aggregates commit together', async () => {
    await s.transaction(async (tx) => {
      await tx.tokens.insert(token('tok_tx1'));
      await tx.events.record({
        id: 'evt_tx1',
        accountId: 'acct_1',
        type: 'token.created',
        livemode: false,
        createdAt: T0 + 500,
        data: { tokenId: 'tok_tx1' },
      });
    });
    expect(await s.tokens.find('tok_tx1')).toEqual(token('tok_tx1'));
    expect((await s.events.list('acct_1', { livemode: false, limit: 50 })).map((e) => e.id)).toContain('evt_tx1');
  });

  test('transaction: an exception rolls back every aggregate; Rollback returns a value and rolls back too', async () => {
    await expect(
      s.transaction(async (tx) => {
        await tx.tokens.insert(token('tok_tx2'));
        await tx.events.record({ id: 'evt_tx2', accountId: 'acct_1', type: 'token.created', livemode: false, createdAt: T0, data: {} });
        throw new Error('webhook outbox full');
      }),
    ).rejects.toThrow('webhook outbox full');
    const v = await s.transaction(async (tx) => {
      await tx.tokens.insert(token('tok_tx3'));
      throw new Rollback('declined');
    });
    expect(v).toBe('declined');
    expect([await s.tokens.find('tok_tx2'), await s.tokens.find('tok_tx3')]).toEqual([undefined, undefined]);
    expect((await s.events.list('acct_1', { livemode: false, limit: 50 })).map((e) => e.id)).not.toContain('evt_tx2');
  });

  test('transaction: concurrent transactions and plain writes all land', async () => {
    await Promise.all([
      ...Array.from({ length: 5 }, (_, i) =>
        s.transaction(async (tx) => {
          await tx.tokens.insert(token(`tok_c${i}`));
          await tx.events.record({ id: `evt_c${i}`, accountId: 'acct_1', type: 'token.created', livemode: false, createdAt: T0, data: {} });
        }),
      ),
      ...Array.from({ length: 5 }, (_, i) => s.tokens.insert(token(`tok_p${i}`))),
    ]);
    for (let i = 0; i < 5; i++) expect([await s.tokens.find(`tok_c${i}`), await s.tokens.find(`tok_p${i}`)].every(Boolean)).toBe(true);
  });

  test('connections: insert, list by account and mode, rewrap, delete', async () => {
    const c = {
      id: 'conn_1',
      accountId: 'acct_1',
      livemode: false,
      kind: 'cardpointe' as const,
      url: 'http://127.0.0.1:4100',
      merchid: '800000000001',
      credentialsEnc: 'env-creds',
      createdAt: T0,
    };
    await s.connections.insert(c);
    await s.connections.insert({ ...c, id: 'conn_live', livemode: true, url: 'https://gw.example.com', createdAt: T0 + 1 });
    expect(await s.connections.find('conn_1')).toEqual(c);
    expect((await s.connections.list('acct_1', false)).map((x) => x.id)).toEqual(['conn_1']);
    expect((await s.connections.list('acct_1')).map((x) => x.id)).toEqual(['conn_1', 'conn_live']);
    expect(await s.transaction((tx) => tx.connections.rewrap((e, f) => `${e}+${f}`))).toBe(2);
    expect((await s.connections.find('conn_1'))?.credentialsEnc).toBe('env-creds+credentials');
    expect(await s.connections.delete('conn_live')).toBe(true);
    expect(await s.connections.delete('conn_live')).toBe(false);
  });

  test('charges: insert, find by id and Idempotency-Key, update in a transaction with its event', async () => {
    await s.charges.insert(charge('ch_1'));
    expect(await s.charges.findByIdempotencyKey('acct_1', 'key_1:ch_1')).toEqual(charge('ch_1'));
    await expect(s.charges.insert(charge('ch_dup', { idempotencyKey: 'key_1:ch_1' }))).rejects.toThrow();
    const done = charge('ch_1', {
      status: 'succeeded',
      amountAuthorized: 1000,
      amountCaptured: 1000,
      processorAccount: '9424',
      updatedAt: T0 + 5,
      processor: {
        name: 'cardpointe',
        authcode: 'PPS1',
        retref: '123',
        respcode: '00',
        resptext: 'Approval',
        respstat: 'A',
        avsresp: 'Y',
        cvvresp: 'M',
      },
    });
    await s.transaction(async (tx) => {
      const locked = await tx.charges.findForUpdate('ch_1');
      expect(locked?.status).toBe('pending');
      await tx.charges.update(done);
      await tx.events.record({
        id: 'evt_ch1',
        accountId: 'acct_1',
        type: 'charge.succeeded',
        livemode: false,
        createdAt: T0,
        data: { chargeId: 'ch_1' },
      });
    });
    expect(await s.charges.find('ch_1')).toEqual(done);
    expect(await s.charges.find('ch_none')).toBeUndefined();
  });

  test('charges: listForReconcile finds old pending charges and recent processor failures only', async () => {
    await s.charges.insert(charge('ch_pend_old', { updatedAt: T0 - 10 }));
    await s.charges.insert(charge('ch_pend_new', { updatedAt: T0 + 10 }));
    await s.charges.insert(charge('ch_fail_recent', { status: 'failed', failureCode: 'processor_timeout', updatedAt: T0 + 5 }));
    await s.charges.insert(charge('ch_fail_old', { status: 'failed', failureCode: 'processor_timeout', updatedAt: T0 - 1000 }));
    await s.charges.insert(charge('ch_declined', { status: 'declined', failureCode: 'card_declined', updatedAt: T0 + 5 }));
    const ids = (await s.charges.listForReconcile({ pendingBefore: T0, failedSince: T0 - 100, limit: 10 })).map((c) => c.id);
    expect(ids.filter((id) => id.startsWith('ch_pend') || id.startsWith('ch_fail') || id === 'ch_declined')).toEqual([
      'ch_pend_old',
      'ch_fail_recent',
    ]);
  });
});
