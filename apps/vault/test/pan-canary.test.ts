import { randomInt, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isLuhnValid } from '@tokenframe/card';
import { afterAll, expect, test } from 'vitest';
import { createLogger } from '../src/log/create-logger';
import type { RunningVault } from '../src/server/start-vault';
import { browserTokenize, cliJson, liveEnv, startLiveVault } from './live-vault';

/**
 * The PAN canary (DESIGN.md "Vault"): tokenize a card nobody else uses, exercise every path that
 * touches it (success, errors, read, reveal), then search every log line, every database file
 * (main, WAL, shared memory) and every response body for the digits between its BIN and its
 * last four. Zero hits allowed. A 19-digit number keeps 7 middle digits, so a chance match
 * inside base64 ciphertext is unlikely; the test still reports where a hit was found.
 */
function canaryPan(): string {
  for (;;) {
    const body = `4${Array.from({ length: 17 }, () => randomInt(10)).join('')}`;
    for (let d = 0; d < 10; d++) if (isLuhnValid(body + d)) return body + d;
  }
}

const SHOP = 'https://shop.example';
const env = liveEnv();
const logs: string[] = [];
let vault: RunningVault | undefined;
afterAll(() => vault?.stop());

test('the middle digits of a tokenized PAN appear in no log line, database file or response; the CVC is gone after reveal', async () => {
  vault = await startLiveVault(env, logs);
  const pan = canaryPan();
  const middle = pan.slice(8, -4);
  const cvc = String(randomInt(100, 1000));
  await cliJson(env, 'accounts', 'create', '--name', 'live-shop');
  await cliJson(env, 'origins', 'verify', '--account', 'live-shop', '--origin', SHOP);
  const pk = await cliJson(env, 'keys', 'create', '--account', 'live-shop', '--type', 'publishable', '--env', 'live', '--origin', SHOP);
  const sk = await cliJson(
    env,
    'keys',
    'create',
    '--account',
    'live-shop',
    '--type',
    'secret',
    '--env',
    'live',
    '--scope',
    'tokens:read',
    '--scope',
    'tokens:reveal',
  );
  const bodies: string[] = [];

  const ok = await browserTokenize(vault, pk.key, SHOP, { pan, cvc });
  expect(ok.res.status).toBe(201);
  const token = ((await ok.res.clone().json()) as { id: string }).id;
  bodies.push(await ok.res.text());
  // Error paths that carry the canary inside the JWE.
  const failures = [
    await browserTokenize(vault, pk.key, SHOP, { pan, expYear: 2001 }),
    await browserTokenize(vault, pk.key, SHOP, { pan, cvc: '12345' }),
    await browserTokenize(vault, pk.key, SHOP, { pan, origin: 'https://evil.example' }),
    await browserTokenize(vault, pk.key, SHOP, { pan, aud: 'https://other.example' }),
    await browserTokenize(vault, pk.key, SHOP, { pan: pan.slice(0, -1) + ((Number(pan.at(-1)) + 1) % 10) }),
  ];
  for (const f of failures) {
    expect(f.res.status).toBeGreaterThanOrEqual(400);
    bodies.push(await f.res.text());
  }
  const replay = await fetch(`${vault.listening.api}/v1/tokens`, {
    method: 'POST',
    headers: {
      Origin: vault.framesUrl,
      Authorization: `Bearer ${pk.key}`,
      'Content-Type': 'application/json',
      'Idempotency-Key': randomUUID(),
    },
    body: JSON.stringify({ jwe: ok.jwe }),
  });
  expect(replay.status).toBe(409);
  bodies.push(await replay.text());
  const secret = (method: string, path: string) =>
    fetch(`${vault!.listening.api}${path}`, { method, headers: { Authorization: `Bearer ${sk.key}` } });
  bodies.push(await (await secret('GET', `/v1/tokens/${token}`)).text());
  const cvcEnvelope = (await vault.vault.stores.tokens.find(token))!.cvcEnc!;
  expect(cvcEnvelope).toMatch(/^v1\./);
  const revealed = (await (await secret('POST', `/v1/tokens/${token}/reveal`)).json()) as { card: { number: string; cvc: string } };
  expect(revealed.card).toMatchObject({ number: pan, cvc });
  bodies.push(await (await secret('GET', `/v1/tokens/${token}`)).text());

  const dbFiles = () => readdirSync(env.TOKENFRAME_DATA_DIR!).filter((f) => f.startsWith('vault.sqlite'));
  const hits = (label: string, text: string) => (text.includes(middle) ? [label] : []);
  const scan = () => [
    ...logs.flatMap((l, i) => hits(`log line ${i}`, l)),
    ...bodies.flatMap((b, i) => hits(`response body ${i}`, b)),
    ...dbFiles().flatMap((f) => hits(f, readFileSync(join(env.TOKENFRAME_DATA_DIR!, f)).toString('latin1'))),
  ];
  expect(dbFiles()).toContain('vault.sqlite-wal');
  expect(scan()).toEqual([]);
  expect(logs.length).toBeGreaterThan(10);

  const row = await vault.vault.stores.tokens.find(token);
  expect(row?.cvcEnc).toBeNull();
  await vault.stop(); // checkpoint: the main file now holds everything
  expect(scan()).toEqual([]);
  // secure_delete: not even the CVC's ciphertext survives in free pages.
  const cvcKeyPart = cvcEnvelope.split('.')[3]!; // the wrapped data key: 43 unique characters
  expect(
    dbFiles().flatMap((f) => (readFileSync(join(env.TOKENFRAME_DATA_DIR!, f)).toString('latin1').includes(cvcKeyPart) ? [f] : [])),
  ).toEqual([]);
  vault = undefined;
});

test('card data logged by mistake, at any depth and in any known shape, leaves no digits in the log', () => {
  const lines: string[] = [];
  const logger = createLogger({ destination: { write: (l: string) => void lines.push(l) } });
  const pan = canaryPan();
  const cvc = String(randomInt(100, 1000));
  const card = { number: pan, cvc, cvv: cvc, expMonth: 12, expYear: 2040, name: 'Ada Lovelace', postal: 'N1 9GU' };
  const claims = { pan, cvc, aud: 'https://vault.example', jti: randomUUID() };
  const bad = Object.assign(new Error(`Unexpected token in JSON at position 9: "${pan.slice(0, 4)} ${pan.slice(4, 8)} ${pan.slice(8)}"`), {
    body: JSON.stringify({ card }),
    request: { body: { card } },
  });
  logger.info({ card }, 'depth 1');
  logger.info({ req: { body: { card } } }, 'depth 3');
  logger.info({ ctx: { req: { body: { card: { details: card } } } } }, 'depth 5');
  logger.info({ claims, pan, cvc, number: pan }, 'top level');
  logger.info({ a: { b: { c: { d: { pan, number: pan, jwe: `eyJ.${pan}` } } } } }, 'deep');
  logger.info({ req: { headers: { Authorization: `Bearer ${pan}`, authorization: pan, cookie: pan } } }, 'headers');
  logger.error({ err: bad }, 'an error carrying a request body');
  logger.error({ err: { name: 'SyntaxError', message: `bad ${pan}` } }, 'a plain error object');
  expect(lines).toHaveLength(8);
  const leaks = lines.filter(
    (l) =>
      l.includes(pan.slice(8, -4)) ||
      l.includes(pan.slice(0, 8)) ||
      l.includes(`"${cvc}"`) ||
      l.includes('Lovelace') ||
      l.includes('N1 9GU'),
  );
  expect(leaks).toEqual([]);
  for (const l of lines) expect(JSON.stringify({ ...(JSON.parse(l) as object), time: 0 })).not.toMatch(/\d{8,}/);
  expect(JSON.parse(lines[6]!).err).toMatchObject({ type: 'Error', message: expect.stringContaining('[digits]') as unknown });
});
