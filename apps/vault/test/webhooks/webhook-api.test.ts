import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { purgeExpired } from '../../src/stores/purge-expired';
import { webhookFixture, type WebhookFixture } from './webhook-fixture';

let f: WebhookFixture;
beforeAll(async () => {
  f = await webhookFixture('sqlite');
});
afterAll(() => f.close());

const json = async (res: Response | Promise<Response>) => {
  const r = await res;
  return {
    status: r.status,
    body: (await r.json()) as Record<string, unknown> & { error?: { code: string; param?: string; message: string } },
  };
};

describe('webhook endpoints API', () => {
  test('create answers the secret once (≥ 24 random bytes); list and retrieve never show it; it is sealed at rest', async () => {
    const created = await json(
      f.call('POST', '/v1/webhook_endpoints', {
        url: `${f.receiver.url}/a`,
        events: ['token.created', 'token.deleted'],
        description: 'orders',
      }),
    );
    expect(created.status).toBe(201);
    const ep = created.body as { id: string; secret: string };
    expect(ep).toMatchObject({
      url: `${f.receiver.url}/a`,
      events: ['token.created', 'token.deleted'],
      description: 'orders',
      livemode: false,
      status: 'enabled',
      disabledReason: null,
    });
    expect(ep.id).toMatch(/^we_/);
    expect(Buffer.from(ep.secret.slice(6), 'base64').length).toBeGreaterThanOrEqual(24);
    const list = await json(f.call('GET', '/v1/webhook_endpoints'));
    expect(JSON.stringify(list.body)).not.toContain(ep.secret);
    expect((list.body.data as { id: string }[]).map((e) => e.id)).toContain(ep.id);
    expect((await json(f.call('GET', `/v1/webhook_endpoints/${ep.id}`))).body).not.toHaveProperty('secret');
    const row = await f.h.vault.stores.webhooks.findEndpoint(ep.id);
    expect(row!.secretEnc).not.toContain(ep.secret.slice(6, 20));
    expect(f.h.vault.webhooks.signingSecrets(row!, Date.now())).toEqual([ep.secret]);
    expect((await json(f.call('DELETE', `/v1/webhook_endpoints/${ep.id}`))).body).toEqual({ id: ep.id, deleted: true });
    expect((await f.call('GET', `/v1/webhook_endpoints/${ep.id}`)).status).toBe(404);
  });

  test('strict input: unknown keys, unknown event types, empty events and bad URLs are 400', async () => {
    const bad = [
      { url: f.receiver.url, events: ['token.created'], extra: 1 },
      { url: f.receiver.url, events: ['token.exploded'] },
      { url: f.receiver.url, events: ['token.revealed'] }, // audit-only: never sent
      { url: f.receiver.url, events: [] },
      { url: 'not a url', events: ['token.created'] },
      { url: 'http://169.254.169.254/', events: ['token.created'] }, // link-local: refused even with TOKENFRAME_ALLOW_PRIVATE_NETWORK=1
      { events: ['token.created'] },
    ];
    for (const body of bad) expect((await f.call('POST', '/v1/webhook_endpoints', body)).status).toBe(400);
  });

  test('scopes: webhooks:write to change, webhooks:read to list; another account sees none of them', async () => {
    const readOnly = (await f.h.key('--account', 'shop', '--type', 'secret', '--env', 'test', '--scope', 'webhooks:read')).key;
    const tokensOnly = (await f.h.key('--account', 'shop', '--type', 'secret', '--env', 'test')).key;
    const other = (
      await f.h.key('--account', 'other', '--type', 'secret', '--env', 'test', '--scope', 'webhooks:read', '--scope', 'webhooks:write')
    ).key;
    const ep = await f.endpoint('/scoped');
    expect((await f.call('POST', '/v1/webhook_endpoints', { url: f.receiver.url, events: ['*'] }, readOnly)).status).toBe(403);
    expect((await f.call('POST', `/v1/webhook_endpoints/${ep.id}/rotate_secret`, undefined, readOnly)).status).toBe(403);
    expect((await f.call('GET', '/v1/webhook_endpoints', undefined, tokensOnly)).status).toBe(403);
    expect((await f.call('GET', '/v1/webhook_endpoints', undefined, readOnly)).status).toBe(200);
    expect((await json(f.call('GET', '/v1/webhook_endpoints', undefined, other))).body.data).toEqual([]);
    expect((await f.call('DELETE', `/v1/webhook_endpoints/${ep.id}`, undefined, other)).status).toBe(404);
    expect((await f.call('GET', `/v1/webhook_endpoints/${ep.id}/attempts`, undefined, other)).status).toBe(404);
  });

  test('a create repeated under its Idempotency-Key is 409 replayed_request: the secret is never stored for replay', async () => {
    const send = () =>
      f.h.api.request('/v1/webhook_endpoints', {
        method: 'POST',
        headers: { Authorization: `Bearer ${f.sk}`, 'Content-Type': 'application/json', 'Idempotency-Key': 'we-1' },
        body: JSON.stringify({ url: f.receiver.url, events: ['token.created'] }),
      });
    expect((await send()).status).toBe(201);
    const again = await json(send());
    expect(again.status).toBe(409);
    expect(again.body.error!.code).toBe('replayed_request');
  });
});

describe('events the vault records (each one also a webhook)', () => {
  test('token.created, token.deleted, token.expired (purge sweep), key.rolled, key.revoked', async () => {
    const ep = await f.endpoint('/all', ['*']);
    const deleted = await f.tokenize();
    await f.call('DELETE', `/v1/tokens/${deleted}`);
    const expiring = await f.tokenize();
    f.shift(31 * 60_000); // the token's 30 min are over
    await purgeExpired(f.h.vault.stores, f.h.clock.now);
    const created = await f.h.key('--account', 'shop', '--type', 'publishable', '--env', 'test', '--origin', 'http://localhost:5173');
    const rolled = await f.h.cli('keys', 'roll', '--key', created.id, '--json');
    expect(rolled.code).toBe(0);
    expect((await f.h.cli('keys', 'revoke', '--key', created.id)).code).toBe(0);
    const hits = await f.receiver.waitFor(6, (r) => r.path === '/all', 4000);
    const events = hits.map((r) => JSON.parse(r.body) as { type: string; data: Record<string, unknown> });
    const by = (type: string) => events.filter((e) => e.type === type).map((e) => e.data);
    expect(by('token.deleted')).toEqual([expect.objectContaining({ tokenId: deleted })]);
    expect(by('token.expired')).toEqual([expect.objectContaining({ tokenId: expiring, brand: 'visa', last4: '4242' })]);
    expect(by('token.created').map((d) => d.tokenId)).toEqual([deleted, expiring]);
    expect(by('key.rolled')).toEqual([
      expect.objectContaining({ keyId: created.id, newKeyId: (JSON.parse(rolled.out) as { id: string }).id }),
    ]);
    expect(by('key.revoked')).toEqual([expect.objectContaining({ keyId: created.id })]);
    await f.call('DELETE', `/v1/webhook_endpoints/${ep.id}`);
  });
});

describe('retention', () => {
  test('the purge sweep deletes finished deliveries and attempts after 30 days, never a pending one', async () => {
    const ep = await f.endpoint('/retained', ['key.rolled']);
    const s = f.h.vault.stores;
    const accountId = (await s.webhooks.findEndpoint(ep.id))!.accountId;
    const { newEvent } = await import('../../src/stores/events/new-event');
    const e = newEvent('key.rolled', { accountId, livemode: false }, {}, f.h.clock.now);
    await s.events.record(e);
    await f.receiver.waitFor(1, (r) => r.path === '/retained');
    await new Promise((r) => setTimeout(r, 100));
    const pending = newEvent('key.rolled', { accountId, livemode: false }, {}, f.h.clock.now + 40 * 86_400_000); // not due yet
    await f.h.vault.webhookWorker.stop();
    await s.events.record(pending);
    const counts = await purgeExpired(s, f.h.clock.now + 31 * 86_400_000);
    expect(counts.webhooks).toBeGreaterThanOrEqual(2);
    expect(await s.webhooks.listDeliveries(e.id)).toEqual([]);
    expect(await s.webhooks.listAttempts(ep.id, 10)).toEqual([]);
    expect((await s.webhooks.listDeliveries(pending.id)).map((d) => d.status)).toEqual(['pending']);
    f.h.vault.webhookWorker.start();
  });
});

describe('pnpm vault webhooks', () => {
  test('create, list, rotate, delete', async () => {
    const created = await f.h.cli(
      'webhooks',
      'create',
      '--account',
      'shop',
      '--env',
      'test',
      '--url',
      `${f.receiver.url}/cli`,
      '--event',
      'token.created',
      '--json',
    );
    expect(created.code).toBe(0);
    const ep = JSON.parse(created.out) as { id: string; secret: string };
    expect(ep.secret).toMatch(/^whsec_/);
    const list = await f.h.cli('webhooks', 'list', '--account', 'shop', '--env', 'test');
    expect(list.out).toContain(ep.id);
    expect(list.out).not.toContain(ep.secret);
    const rotated = await f.h.cli('webhooks', 'rotate', '--account', 'shop', '--env', 'test', '--id', ep.id, '--json');
    expect((JSON.parse(rotated.out) as { secret: string }).secret).not.toBe(ep.secret);
    expect((await f.h.cli('webhooks', 'delete', '--account', 'shop', '--env', 'test', '--id', ep.id)).code).toBe(0);
    expect((await f.h.cli('webhooks', 'list', '--account', 'shop', '--env', 'live')).out).toBe('(no webhook endpoints)');
    const refused = await f.h.cli(
      'webhooks',
      'create',
      '--account',
      'shop',
      '--env',
      'live',
      '--url',
      'http://127.0.0.1/',
      '--event',
      'token.created',
    );
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('refused');
  });
});
