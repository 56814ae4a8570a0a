import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { FRAMES, makeHarness, SHOP, type Harness } from './harness';

/** Another process holds the SQLite write lock longer than busy_timeout: the API says 503, not 500. */
let h: Harness;
let pk: string;
beforeAll(async () => {
  h = await makeHarness({ TOKENFRAME_SQLITE_BUSY_TIMEOUT_MS: '50' });
  pk = (await h.key('--account', 'shop', '--type', 'publishable', '--env', 'test', '--origin', SHOP)).key;
});
afterAll(() => h.close());

const openSession = () =>
  h.api.request('/v1/sessions', {
    method: 'POST',
    headers: { Authorization: `Bearer ${pk}`, 'Content-Type': 'application/json', Origin: FRAMES },
    body: JSON.stringify({ origin: SHOP }),
  });

test('a write that finds the file locked past busy_timeout → 503 service_unavailable + Retry-After; later it succeeds', async () => {
  const other = new Database(join(h.dir, 'vault.sqlite'));
  other.exec('BEGIN IMMEDIATE');
  const res = await openSession();
  const body = (await res.json()) as { error: { type: string; code: string } };
  expect([res.status, body.error.code, body.error.type, res.headers.get('Retry-After')]).toEqual([
    503,
    'service_unavailable',
    'api_error',
    '1',
  ]);
  other.exec('ROLLBACK');
  other.close();
  expect((await openSession()).status).toBe(201);
});
