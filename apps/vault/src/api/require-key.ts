import type { MiddlewareHandler } from 'hono';
import type { Scope } from '../auth/scopes';
import type { KeyService } from '../services/key-service';
import { clientIp, type AppEnv } from './app-env';
import { VaultError, vaultError } from '../services/vault-error';
import { ipInRanges, parseIpRanges } from '../auth/ip-ranges';

/** Addresses and CIDR ranges; an entry that does not parse (never accepted at creation) admits nobody. */
function allowedFrom(allowlist: readonly string[], ip: string): boolean {
  const parsed = parseIpRanges(allowlist);
  return parsed.ok && ipInRanges(parsed.list, ip);
}

function bearer(header: string | undefined): string | undefined {
  const m = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(header ?? '');
  return m?.[1];
}

async function authenticate(keys: KeyService, header: string | undefined, type: 'publishable' | 'secret') {
  const presented = bearer(header);
  const missing: VaultError = vaultError(
    401,
    'invalid_api_key',
    `Send a ${type} key as "Authorization: Bearer ${type === 'secret' ? 'sk' : 'pk'}_…".`,
  );
  if (!presented) return { error: missing };
  const auth = await keys.authenticate(presented, type);
  if (!auth.ok) {
    return {
      error:
        auth.code === 'revoked_key'
          ? vaultError(401, 'revoked_key', 'This API key was revoked or rolled.')
          : vaultError(401, 'invalid_api_key', 'Invalid API key.'),
    };
  }
  return { key: auth.key, presented };
}

/** Publishable-key endpoints (sessions, tokens). */
export function requirePublishableKey(keys: KeyService): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const r = await authenticate(keys, c.req.header('Authorization'), 'publishable');
    if (r.error) throw r.error;
    c.set('key', r.key!);
    c.set('presentedKey', r.presented!);
    await next();
  };
}

/**
 * Secret-key endpoints. A browser always sends `Origin` on these requests; a secret key in a
 * browser is a leaked key, so the request is refused before the key is even looked at.
 * Every answer, refusals included, is `Cache-Control: no-store`: they carry card data (reveal),
 * BIN and fingerprint (read, persist) or the audit trail (events), none of which a cache may keep.
 */
export function requireSecretKey(keys: KeyService, scope: Scope): MiddlewareHandler<AppEnv> {
  const gate = checkSecretKey(keys, scope);
  return async (c, next) => {
    try {
      await gate(c, next);
    } catch (e) {
      throw e instanceof VaultError ? e.withHeaders({ 'Cache-Control': 'no-store' }) : e;
    }
    c.res.headers.set('Cache-Control', 'no-store');
  };
}

function checkSecretKey(keys: KeyService, scope: Scope): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.header('Origin') !== undefined) {
      throw vaultError(403, 'secret_key_in_browser', 'Secret keys must never be used from a browser. Call this endpoint from your server.');
    }
    const r = await authenticate(keys, c.req.header('Authorization'), 'secret');
    if (r.error) throw r.error;
    const key = r.key!;
    if (key.ipAllowlist.length && !allowedFrom(key.ipAllowlist, clientIp(c))) {
      throw vaultError(403, 'ip_not_allowed', 'This secret key is not allowed from this IP address.');
    }
    if (!key.scopes.includes(scope)) throw vaultError(403, 'insufficient_scope', `This secret key lacks the "${scope}" scope.`);
    c.set('key', key);
    await next();
  };
}
