// Test keys for the demo origins: reused from <data dir>/dev-keys.json while the vault still
// accepts them with every scope the demo backend needs, created with the vault CLI otherwise (first
// run, after the data was wiped, or a file from before the backend charged cards).
/* global fetch */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { vaultCli } from './vault-cli.mjs';

const ACCOUNT = 'demo';
/** What the demo backend does with its secret key: look tokens up, and charge them. */
export const DEMO_SECRET_SCOPES = Object.freeze(['tokens:read', 'tokens:reveal', 'charges:read', 'charges:write']);

/**
 * @param {{ vaultUrl: string, origins: string[], dataDir: string, env?: Record<string, string>,
 *           log?: (line: string) => void }} opts
 * @returns {Promise<{ publishableKey: string, secretKey: string, file: string, created: boolean }>}
 */
export async function ensureDevKeys({ vaultUrl, origins, dataDir, env = {}, log = () => {} }) {
  const file = join(dataDir, 'dev-keys.json');
  const saved = readKeys(file);
  if (saved && (await keysWork(saved, vaultUrl, origins))) return { ...saved, file, created: false };
  if (saved)
    log(`${file} holds keys the vault no longer accepts, or a secret key without ${DEMO_SECRET_SCOPES.join(', ')}: creating new ones.`);

  const account = vaultCli(['accounts', 'create', '--name', ACCOUNT], { env });
  if (!account.ok && !/exist/i.test(account.message)) throw new Error(account.message);
  const originArgs = origins.flatMap((o) => ['--origin', o]);
  const pk = vaultCli(['keys', 'create', '--account', ACCOUNT, '--type', 'publishable', '--env', 'test', ...originArgs], { env });
  if (!pk.ok) throw new Error(pk.message);
  const scopes = DEMO_SECRET_SCOPES.flatMap((s) => ['--scope', s]);
  const sk = vaultCli(['keys', 'create', '--account', ACCOUNT, '--type', 'secret', '--env', 'test', ...scopes], { env });
  if (!sk.ok) throw new Error(sk.message);

  const keys = { publishableKey: pk.value.key, secretKey: sk.value.key };
  if (!keys.publishableKey?.startsWith('pk_test_') || !keys.secretKey?.startsWith('sk_test_')) {
    throw new Error(`The vault CLI returned unexpected keys: ${JSON.stringify({ pk: pk.value.type, sk: sk.value.type })}`);
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 }); // holds a secret key
  return { ...keys, file, created: true };
}

function readKeys(file) {
  if (!existsSync(file)) return undefined;
  try {
    const { publishableKey, secretKey } = JSON.parse(readFileSync(file, 'utf8'));
    return typeof publishableKey === 'string' && typeof secretKey === 'string' ? { publishableKey, secretKey } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The publishable key may serve frames to every demo origin, and the secret key authenticates with
 * the scopes the backend uses. Probes that change nothing: unknown ids answer 404 with the scope
 * (403 without it), and a charge without a body answers 400 with charges:write (403 without).
 */
async function keysWork({ publishableKey, secretKey }, vaultUrl, origins) {
  try {
    for (const origin of origins) {
      const url = `${vaultUrl}/v1/frames/status?pk=${encodeURIComponent(publishableKey)}&origin=${encodeURIComponent(origin)}`;
      const status = await (await fetch(url)).json();
      if (status.code !== 'ok') return false;
    }
    const authorization = `Bearer ${secretKey}`;
    const probes = [
      [`${vaultUrl}/v1/tokens/tok_devkeycheck0000000000000000`, { headers: { authorization } }, 404],
      [`${vaultUrl}/v1/charges/ch_devkeycheck000000`, { headers: { authorization } }, 404],
      [`${vaultUrl}/v1/charges`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: '{}' }, 400],
    ];
    for (const [url, init, expected] of probes) {
      const res = await fetch(url, init);
      await res.body?.cancel();
      if (res.status !== expected) return false;
    }
    return true;
  } catch {
    return false;
  }
}
