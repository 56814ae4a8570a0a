// POST /api/pay against a real vault (SQLite, ephemeral ports): the backend looks the token up
// through @tokenframe/node and answers with the card summary, or the vault's code.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { browserTokenize, cliJson, liveEnv, startLiveVault } from '../../vault/test/live-vault';
import { createDemoApp, type DemoConfig } from '../src/index';

const env = liveEnv();
let vault: Awaited<ReturnType<typeof startLiveVault>>;
let config: DemoConfig;
let pk: string;

beforeAll(async () => {
  vault = await startLiveVault(env, []);
  pk = (await cliJson(env, 'keys', 'create', '--account', 'shop', '--type', 'publishable', '--env', 'test', '--origin', 'http://localhost:5173')).key;
  const sk = (await cliJson(env, 'keys', 'create', '--account', 'shop', '--type', 'secret', '--env', 'test')).key;
  config = {
    port: 5173, origin: 'http://localhost:5173', allowedOrigins: ['http://localhost:5173'], vaultUrl: vault.listening.api,
    framesUrl: vault.listening.frames, publishableKey: pk, secretKey: sk,
  };
}, 30_000);
afterAll(async () => {
  await vault?.stop();
  rmSync(env.TOKENFRAME_DATA_DIR!, { recursive: true, force: true });
});

const pay = (token: string) =>
  createDemoApp(config, { sdkScript: async () => undefined }).request('/api/pay', {
    method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://localhost:5173' }, body: JSON.stringify({ token }),
  });

test('a real token → its brand and last4 (through the library); an unknown one → 404 resource_missing', async () => {
  const { res } = await browserTokenize(vault, pk, 'http://localhost:5173');
  const { id } = (await res.json()) as { id: string };
  const ok = await pay(id);
  expect(ok.status).toBe(200);
  expect(await ok.json()).toMatchObject({ token: id, card: { brand: 'visa', last4: '4242', expMonth: 12 } });
  const missing = await pay('tok_doesnotexist0000');
  expect(missing.status).toBe(404);
  expect(await missing.json()).toMatchObject({ error: { code: 'resource_missing' } });
});

test("a co-badged Cartes Bancaires token → the network the shopper chose comes back (the demo's result line shows it)", async () => {
  const chosen = await browserTokenize(vault, pk, 'http://localhost:5173', { pan: '5555552500001001', network: 'mastercard' });
  const { id } = (await chosen.res.json()) as { id: string };
  expect(await (await pay(id)).json()).toMatchObject({ token: id, card: { brand: 'cartes_bancaires', last4: '1001', network: 'mastercard' } });
  const plain = await browserTokenize(vault, pk, 'http://localhost:5173');
  const body = (await (await pay(((await plain.res.json()) as { id: string }).id)).json()) as { card: Record<string, unknown> };
  expect(body.card).not.toHaveProperty('network');
});
