// Webhook endpoints through the library, and deliveries the vault really sent verified by
// verifyWebhook: a receiver on node:http (port 0) keeps each raw body and its headers.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Tokenframe, TokenframeConflictError, verifyWebhook, WebhookVerificationError } from '../src/index.js';
import { ALL_SCOPES, startTestVault, type TestVault } from './support/test-vault.js';

const received: { body: Buffer; headers: IncomingHttpHeaders }[] = [];
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    received.push({ body: Buffer.concat(chunks), headers: req.headers });
    res.writeHead(204).end();
  });
});
let vault: TestVault;
let tf: Tokenframe;
let receiverUrl: string;

beforeAll(async () => {
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  vault = await startTestVault({ TOKENFRAME_WEBHOOK_POLL_MS: '50' });
  tf = new Tokenframe(await vault.secretKey([...ALL_SCOPES, 'webhooks:read', 'webhooks:write']), { vaultUrl: vault.url });
});
afterAll(async () => {
  await vault?.stop();
  await new Promise((r) => receiver.close(r));
});

async function delivery(predicate: (e: { type: string; data: Record<string, unknown> }) => boolean) {
  for (let i = 0; i < 100; i++) {
    const hit = received.find((r) => predicate(JSON.parse(r.body.toString('utf8'))));
    if (hit) return hit;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('no delivery within 5 s');
}

test('create → list → a real token.created delivery verifies with the secret; rotate → both secrets verify; delete', async () => {
  const endpoint = await tf.webhookEndpoints.create({ url: receiverUrl, events: ['token.created'] });
  expect(endpoint).toMatchObject({ url: receiverUrl, events: ['token.created'] });
  expect(endpoint.secret).toMatch(/^whsec_/);
  expect((await tf.webhookEndpoints.list()).map((e) => e.id)).toContain(endpoint.id);
  expect(await tf.webhookEndpoints.retrieve(endpoint.id)).not.toHaveProperty('secret');

  const tokenId = await vault.tokenize();
  const hit = await delivery((e) => e.type === 'token.created' && JSON.stringify(e.data).includes(tokenId));
  const event = verifyWebhook(hit.body, hit.headers, endpoint.secret);
  expect(event).toMatchObject({ type: 'token.created', livemode: false });
  expect(hit.body.toString()).not.toContain('4242424242424242');
  expect(() => verifyWebhook(hit.body.toString().replace('token.created', 'token.deleted'), hit.headers, endpoint.secret)).toThrow(
    WebhookVerificationError,
  );

  const rotated = await tf.webhookEndpoints.rotateSecret(endpoint.id);
  expect(rotated.secret).not.toBe(endpoint.secret);
  const second = await vault.tokenize();
  const hit2 = await delivery((e) => JSON.stringify(e.data).includes(second));
  expect(verifyWebhook(hit2.body, hit2.headers, rotated.secret).type).toBe('token.created');
  expect(verifyWebhook(hit2.body, hit2.headers, endpoint.secret).type).toBe('token.created');

  expect(await tf.webhookEndpoints.delete(endpoint.id)).toEqual({ id: endpoint.id, deleted: true });
  expect((await tf.webhookEndpoints.list()).map((e) => e.id)).not.toContain(endpoint.id);
});

test('a create answered and then repeated under the same Idempotency-Key is 409 replayed_request (the secret is never stored)', async () => {
  const params = { url: receiverUrl, events: ['token.deleted'] };
  await tf.webhookEndpoints.create(params, { idempotencyKey: 'we-create-1' });
  await expect(tf.webhookEndpoints.create(params, { idempotencyKey: 'we-create-1' })).rejects.toBeInstanceOf(TokenframeConflictError);
});
