import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sealJwe, type SealPublicJwk } from '@tokenframe/crypto/seal';
import type { SealedClaims } from '@tokenframe/protocol';
import { runCli } from '../src/cli/run-cli';
import { loadVaultConfig } from '../src/config/vault-config';
import { createLogger } from '../src/log/create-logger';
import { buildVault, type BuildOptions, type Vault } from '../src/server/build-vault';

export const API = 'http://127.0.0.1:4000';
export const FRAMES = 'http://127.0.0.1:4001';
export const SHOP = 'http://localhost:5173';

export interface Harness extends Pick<Vault, 'api' | 'frames' | 'tokens'> {
  dir: string;
  env: Record<string, string | undefined>;
  vault: Vault;
  logs: string[];
  clock: { now: number };
  cli(...argv: string[]): Promise<{ code: number; out: string; err: string }>;
  /** Creates a key through the CLI code path and returns its JSON. */
  key(...argv: string[]): Promise<{ id: string; key: string }>;
  session(pk: string, origin?: string): Promise<string>;
  seal(claims: Partial<SealedClaims> & { pk: string; sid: string }, jwk?: SealPublicJwk): Promise<string>;
  tokenize(pk: string, jwe: string, idem?: string, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/** A vault on a fresh temp data folder, wired like production, served in-process (no port). */
export async function makeHarness(
  configEnv: Record<string, string | undefined> = {},
  build: Pick<BuildOptions, 'webhookSchedule' | 'webhookTimeoutMs'> = {},
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'tf-vault-'));
  const env = { TOKENFRAME_DATA_DIR: dir, TOKENFRAME_MASTER_KEY: randomBytes(32).toString('base64'), ...configEnv };
  const logs: string[] = [];
  const logger = createLogger({ destination: { write: (s: string) => void logs.push(s) } });
  const clock = { now: Date.now() };
  const now = () => clock.now;
  const vault = await buildVault(loadVaultConfig(env), { logger, now, urls: { apiUrl: API, framesUrl: FRAMES }, ...build });
  const apps = { api: vault.api, frames: vault.frames, tokens: vault.tokens };
  const cli = async (...argv: string[]) => {
    let out = '';
    let err = '';
    const code = await runCli(argv, { env, out: (s) => void (out += s), err: (s) => void (err += s) });
    return { code, out, err };
  };
  const h: Harness = {
    ...apps,
    dir,
    env,
    vault,
    logs,
    clock,
    cli,
    async key(...argv) {
      const r = await cli('keys', 'create', ...argv, '--json');
      if (r.code !== 0) throw new Error(r.err);
      return JSON.parse(r.out) as { id: string; key: string };
    },
    async session(pk, origin = SHOP) {
      const res = await apps.api.request('/v1/sessions', {
        method: 'POST',
        headers: { Authorization: `Bearer ${pk}`, 'Content-Type': 'application/json', Origin: FRAMES },
        body: JSON.stringify({ origin }),
      });
      if (res.status !== 201) throw new Error(`session: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { sid: string }).sid;
    },
    async seal(claims, jwk) {
      const key = jwk ?? ((await (await apps.api.request('/v1/jwks')).json()) as { keys: SealPublicJwk[] }).keys[0]!;
      const full: SealedClaims = {
        pan: '4242424242424242',
        expMonth: 12,
        expYear: new Date().getUTCFullYear() + 2,
        cvc: '123',
        aud: API,
        origin: SHOP,
        iat: Math.floor(Date.now() / 1000),
        jti: randomUUID(),
        ...claims,
      };
      return sealJwe(full, key);
    },
    tokenize(pk, jwe, idem = randomUUID(), headers = {}) {
      return Promise.resolve(
        apps.api.request('/v1/tokens', {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${pk}`,
            'Content-Type': 'application/json',
            'Idempotency-Key': idem,
            Origin: FRAMES,
            ...headers,
          },
          body: JSON.stringify({ jwe }),
        }),
      );
    },
    async close() {
      await vault.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return h;
}

export const secretHeaders = (sk: string): Record<string, string> => ({ Authorization: `Bearer ${sk}` });
