import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sealJwe, type SealPublicJwk } from '@tokenframe/crypto/seal';
import type { SealedClaims } from '@tokenframe/protocol';
import { runCli } from '../src/cli/run-cli';
import { createLogger } from '../src/log/create-logger';
import { loadVaultConfig } from '../src/config/vault-config';
import { startVault, type RunningVault } from '../src/server/start-vault';

/** A real vault on ephemeral ports (both listeners), its logs captured line by line. */
export async function startLiveVault(env: Record<string, string | undefined>, logs: string[]): Promise<RunningVault> {
  const logger = createLogger({ destination: { write: (s: string) => void logs.push(s) } });
  return startVault(loadVaultConfig({ PORT: '0', FRAMES_PORT: '0', ...env }), { logger });
}

export function liveEnv(): Record<string, string | undefined> {
  return { TOKENFRAME_DATA_DIR: mkdtempSync(join(tmpdir(), 'tf-live-')), TOKENFRAME_MASTER_KEY: randomBytes(32).toString('base64') };
}

export async function cliJson(
  env: Record<string, string | undefined>,
  ...argv: string[]
): Promise<Record<string, unknown> & { id: string; key: string }> {
  let out = '';
  let err = '';
  const code = await runCli([...argv, '--json'], { env, out: (s) => void (out += s), err: (s) => void (err += s) });
  if (code !== 0) throw new Error(err);
  return JSON.parse(out) as Record<string, unknown> & { id: string; key: string };
}

/** What the controller frame does: JWKS, session, seal, POST /v1/tokens — over real HTTP from the frames origin. */
export async function browserTokenize(v: RunningVault, pk: string, page: string, claims: Partial<SealedClaims> = {}, idem = randomUUID()) {
  const headers = { Origin: v.framesUrl, Authorization: `Bearer ${pk}`, 'Content-Type': 'application/json' };
  const jwks = (await (await fetch(`${v.listening.api}/v1/jwks`, { headers: { Origin: v.framesUrl } })).json()) as {
    keys: SealPublicJwk[];
  };
  const session = (await (
    await fetch(`${v.listening.api}/v1/sessions`, { method: 'POST', headers, body: JSON.stringify({ origin: page }) })
  ).json()) as { sid: string };
  const full: SealedClaims = {
    pan: '4242424242424242',
    expMonth: 12,
    expYear: new Date().getUTCFullYear() + 3,
    cvc: '123',
    aud: v.apiUrl,
    pk,
    sid: session.sid,
    origin: page,
    iat: Math.floor(Date.now() / 1000),
    jti: randomUUID(),
    ...claims,
  };
  const jwe = await sealJwe(full, jwks.keys[0]!);
  const post = () =>
    fetch(`${v.listening.api}/v1/tokens`, {
      method: 'POST',
      headers: { ...headers, 'Idempotency-Key': idem },
      body: JSON.stringify({ jwe }),
    });
  return { res: await post(), jwe, sid: session.sid, post };
}
