import { describe, expect, test } from 'vitest';
import { ENV_VARS } from '../src/config/env-vars';
import { loadVaultConfig } from '../src/config/vault-config';

describe('loadVaultConfig', () => {
  test('defaults, deeply frozen', () => {
    const c = loadVaultConfig({});
    expect(c).toMatchObject({
      host: '127.0.0.1',
      port: 4000,
      framesPort: 4001,
      sessionMaxUses: 5,
      groupCommit: true,
      allowPrivateNetwork: false,
    });
    expect(c.database).toEqual({ kind: 'sqlite', busyTimeoutMs: undefined });
    expect(Object.isFrozen(c) && Object.isFrozen(c.limits.default.perIp) && Object.isFrozen(c.masterKey.previous)).toBe(true);
  });
  test.each([
    ['PORT', 'http', /PORT must be an integer ≥ 0/],
    ['TOKENFRAME_SESSION_TTL_SECONDS', '-5', /TOKENFRAME_SESSION_TTL_SECONDS must be an integer/],
    ['TOKENFRAME_API_URL', 'https://vault.example.com/path', /TOKENFRAME_API_URL must be an origin/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL must be a postgres:\/\//],
    ['TOKENFRAME_PG_POOL_SIZE', '0', /TOKENFRAME_PG_POOL_SIZE must be a positive integer/],
    ['TOKENFRAME_METRICS_TOKEN', 'short', /TOKENFRAME_METRICS_TOKEN must be at least 16 characters/],
    ['TOKENFRAME_TRUSTED_PROXIES', '10.0.0.0/8 nope', /TOKENFRAME_TRUSTED_PROXIES must be/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
    ['TOKENFRAME_RATE_LIMITS', '{', /TOKENFRAME_RATE_LIMITS is not valid JSON/],
    ['TOKENFRAME_IPV6_PREFIX', '16', /TOKENFRAME_IPV6_PREFIX must be an integer 32–128/],
    ['TOKENFRAME_IPV6_PREFIX', '129', /TOKENFRAME_IPV6_PREFIX must be an integer 32–128/],
  ])('a wrong %s is refused with its name and what it accepts', (name, value, message) => {
    expect(() => loadVaultConfig({ [name]: value })).toThrow(message);
  });
  test('TOKENFRAME_IPV6_PREFIX: 64 unless set', () => {
    expect([loadVaultConfig({}).ipv6Prefix, loadVaultConfig({ TOKENFRAME_IPV6_PREFIX: '56' }).ipv6Prefix]).toEqual([64, 56]);
  });
  test('TOKENFRAME_ALLOW_PRIVATE_NETWORK=1, PostgreSQL and Redis settings', () => {
    const c = loadVaultConfig({
      TOKENFRAME_ALLOW_PRIVATE_NETWORK: '1',
      DATABASE_URL: 'postgres://u@h/db',
      TOKENFRAME_PG_SCHEMA: 's1',
      REDIS_URL: 'redis://h:6379',
    });
    expect(c.allowPrivateNetwork).toBe(true);
    expect(c.database).toEqual({ kind: 'postgres', url: 'postgres://u@h/db', schema: 's1', poolSize: 10 });
    expect(c.redis).toEqual({ url: 'redis://h:6379', prefix: 'tf:' });
  });
  test('several processes without Redis: a warning, refused in production', () => {
    expect(loadVaultConfig({ TOKENFRAME_PROCESSES: '2' }).warnings[0]).toMatch(/TOKENFRAME_PROCESSES=2 but no REDIS_URL/);
    expect(() => loadVaultConfig({ TOKENFRAME_PROCESSES: '2', NODE_ENV: 'production' })).toThrow(/no REDIS_URL/);
  });
  test('every variable is documented in docs/operations.md', async () => {
    const { readFile } = await import('node:fs/promises');
    const doc = await readFile(new URL('../../../docs/operations.md', import.meta.url), 'utf8');
    expect(Object.keys(ENV_VARS).filter((n) => !doc.includes(`\`${n}\``))).toEqual([]);
  });
});
