import { sealField } from '@tokenframe/crypto/at-rest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { newEvent } from '../../src/stores/events/new-event';
import { newWebhookSecret } from '../../src/services/webhook-signer';
import type { WebhookEndpointRecord } from '../../src/stores/webhooks/webhook-store';
import { startReceiver, type Receiver } from './receiver';
import { webhookFixture, type Backend, type WebhookFixture } from './webhook-fixture';

const create = async (f: WebhookFixture, url: string, sk: string) => {
  const res = await f.call('POST', '/v1/webhook_endpoints', { url, events: ['key.rolled'] }, sk);
  return { status: res.status, body: (await res.json()) as { error?: { code: string; param: string; message: string } } };
};

/** SSRF rules for endpoints: refused at creation with the reason, or (a name resolving privately) recorded as failed attempts; a listener proves no connection. */
describe.each<Backend>(['sqlite', 'postgres'])('webhook SSRF on %s', (backend) => {
  let f: WebhookFixture;
  let internal: Receiver;
  let skLive: string;
  beforeAll(async () => {
    f = await webhookFixture(backend, { TOKENFRAME_ALLOW_PRIVATE_NETWORK: '0' });
    internal = await startReceiver();
    skLive = (
      await f.h.key('--account', 'shop', '--type', 'secret', '--env', 'live', '--scope', 'webhooks:write', '--scope', 'webhooks:read')
    ).key;
  });
  afterAll(async () => {
    await internal.close();
    await f.close();
  });

  test.each([
    ['http://169.254.169.254/latest/meta-data/', 'https://'],
    ['https://169.254.169.254/latest/meta-data/', 'not an IP address'],
    ['https://10.0.0.1/hook', 'not an IP address'],
    ['https://[::ffff:127.0.0.1]/hook', 'not an IP address'],
    ['https://0x7f000001/hook', 'not an IP address'],
    ['https://localhost/hook', 'resolves to loopback'],
    ['https://user:pw@hooks.example.com/', 'credentials'],
    ['ftp://hooks.example.com/', 'scheme'],
  ])('live: %s is refused (400, %s)', async (url, reason) => {
    const r = await create(f, url, skLive);
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'malformed_request', param: 'url' });
    expect(r.body.error!.message).toContain(reason);
  });

  test.each([
    ['http://127.0.0.1:1/hook', 'loopback'],
    ['http://169.254.169.254/', 'link-local'],
    ['http://[::ffff:169.254.169.254]/', 'embedded-ipv4'],
    ['http://[64:ff9b::a9fe:a9fe]/', ''],
    ['http://0.0.0.0/', ''],
    ['http://192.168.1.1/', 'private'],
    ['http://localhost/hook', 'resolves to loopback'],
  ])('test mode without TOKENFRAME_ALLOW_PRIVATE_NETWORK: %s is refused', async (url, reason) => {
    const r = await create(f, url, f.sk);
    expect(r.status).toBe(400);
    expect(r.body.error!.message).toContain(reason);
  });

  test('an endpoint whose name resolves to loopback at delivery time: each attempt is recorded as refused, and nothing connects', async () => {
    const s = f.h.vault.stores;
    const accountId = (await f.h.vault.keys.account('shop'))!.id;
    // As if the name had resolved publicly when the endpoints were created: stored directly, live and test.
    const rows: WebhookEndpointRecord[] = [true, false].map((livemode) => {
      const id = `we_rebind_${livemode ? 'live' : 'test'}`;
      return {
        id,
        accountId,
        livemode,
        url: `${livemode ? 'https' : 'http'}://localhost:${internal.port}/rebind`,
        events: ['key.rolled'],
        description: null,
        secretEnc: sealField(f.h.vault.secrets.dataKek, newWebhookSecret(), { account: accountId, token: id, field: 'webhook_secret' }),
        previousSecretEnc: null,
        previousSecretExpiresAt: null,
        disabledAt: null,
        disabledReason: null,
        failingSince: null,
        createdAt: Date.now(),
      };
    });
    for (const r of rows) await s.webhooks.insertEndpoint(r);
    for (const livemode of [true, false])
      await s.events.record(newEvent('key.rolled', { accountId, livemode }, { keyId: 'key_z' }, Date.now()));
    const deadline = Date.now() + 5000;
    let attempts: { status: number | null; error: string | null }[] = [];
    while (Date.now() < deadline) {
      attempts = [...(await s.webhooks.listAttempts('we_rebind_live', 10)), ...(await s.webhooks.listAttempts('we_rebind_test', 10))];
      if (attempts.length >= 4) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(attempts.length).toBeGreaterThanOrEqual(4); // retried per the schedule, refused every time
    for (const a of attempts) {
      expect(a.status).toBeNull();
      expect(a.error).toMatch(/refused: localhost resolves to loopback address/);
    }
    expect(internal.connections).toBe(0);
    for (const r of rows) await s.webhooks.deleteEndpoint(r.id);
  });
});
