import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { makeHarness, type Harness } from './harness';

const create = (h: Harness, ...over: string[]) => {
  const args: Record<string, string> = {
    account: 'shop',
    env: 'test',
    kind: 'cardpointe',
    url: 'http://127.0.0.1:4100',
    merchid: '800000000001',
    username: 'testing',
    password: 'pw-SECRET-9f3',
  };
  for (let i = 0; i < over.length; i += 2) args[over[i]!] = over[i + 1]!;
  return h.cli('connections', 'create', ...Object.entries(args).flatMap(([k, v]) => [`--${k}`, v]), '--json');
};

describe('pnpm vault connections', () => {
  let h: Harness;
  afterEach(async () => h?.close());

  test('create answers {id, kind, env, url} only; list and delete never show the credentials; they are sealed at rest', async () => {
    h = await makeHarness({ TOKENFRAME_ALLOW_PRIVATE_NETWORK: '1' });
    await h.cli('accounts', 'create', '--name', 'shop');
    const r = await create(h, 'url', 'http://127.0.0.1:4100/');
    expect(r.code, r.err).toBe(0);
    const made = JSON.parse(r.out) as Record<string, string>;
    expect(Object.keys(made).sort()).toEqual(['env', 'id', 'kind', 'url']);
    expect(made).toMatchObject({ kind: 'cardpointe', env: 'test', url: 'http://127.0.0.1:4100' });
    expect(made.id).toMatch(/^conn_/);
    const list = await h.cli('connections', 'list', '--account', 'shop', '--json');
    expect(JSON.parse(list.out)).toEqual([expect.objectContaining({ id: made.id, account: 'shop', merchid: '800000000001' })]);
    expect(list.out + r.out).not.toContain('pw-SECRET-9f3');
    expect(list.out).not.toContain('testing');
    await h.vault.stores.close();
    const db =
      readFileSync(join(h.dir, 'vault.sqlite')).toString('latin1') +
      readFileSync(join(h.dir, 'vault.sqlite-wal'), { flag: 'a+' }).toString('latin1');
    expect(db).toContain(made.id);
    expect(db).not.toContain('pw-SECRET-9f3');
    h = await makeHarness({ ...h.env });
    expect(h.vault.connections.credentials((await h.vault.stores.connections.find(made.id!))!)).toEqual({
      username: 'testing',
      password: 'pw-SECRET-9f3',
    });
    expect((await h.cli('connections', 'delete', '--id', made.id!, '--json')).code).toBe(0);
    expect((await h.cli('connections', 'delete', '--id', made.id!)).code).toBe(1);
    expect(JSON.parse((await h.cli('connections', 'list', '--json')).out)).toEqual([]);
  });

  test.each([
    ['a loopback test connection without TOKENFRAME_ALLOW_PRIVATE_NETWORK', {}, [], /loopback.*TOKENFRAME_ALLOW_PRIVATE_NETWORK=1/],
    [
      'a live connection over http',
      { TOKENFRAME_ALLOW_PRIVATE_NETWORK: '1' },
      ['env', 'live', 'url', 'http://gw.example.com'],
      /live mode requires https/,
    ],
    [
      'a live connection to an IP address',
      { TOKENFRAME_ALLOW_PRIVATE_NETWORK: '1' },
      ['env', 'live', 'url', 'https://127.0.0.1'],
      /DNS host name/,
    ],
    [
      'a live connection to 10.0.0.1 even with the flag',
      { TOKENFRAME_ALLOW_PRIVATE_NETWORK: '1' },
      ['env', 'live', 'url', 'https://10.0.0.1:443'],
      /DNS host name/,
    ],
    ['another processor kind', { TOKENFRAME_ALLOW_PRIVATE_NETWORK: '1' }, ['kind', 'stripe'], /--kind must be cardpointe/],
    ['a URL with a query', { TOKENFRAME_ALLOW_PRIVATE_NETWORK: '1' }, ['url', 'http://127.0.0.1:4100/?x=1'], /query/],
    ['an unknown account', { TOKENFRAME_ALLOW_PRIVATE_NETWORK: '1' }, ['account', 'nope'], /No account/],
  ])('refuses %s', async (_name, env, over, message) => {
    h = await makeHarness(env);
    await h.cli('accounts', 'create', '--name', 'shop');
    const r = await create(h, ...over);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(await h.vault.stores.connections.list()).toEqual([]);
  });

  test('the builder object creates a connection programmatically (what the demo and tests use)', async () => {
    h = await makeHarness({ TOKENFRAME_ALLOW_PRIVATE_NETWORK: '1' });
    await h.vault.keys.createAccount('shop');
    const r = await h.vault.connections.create({
      account: 'shop',
      env: 'test',
      kind: 'cardpointe',
      url: 'http://localhost:4100',
      merchid: '800000000001',
      username: 'testing',
      password: 'testing123',
    });
    expect(r).toEqual({
      ok: true,
      value: { id: expect.stringMatching(/^conn_/), kind: 'cardpointe', env: 'test', url: 'http://localhost:4100' },
    });
  });

  test('master-key rewrap rewraps connection credentials: they open under the new key alone', async () => {
    const first = await makeHarness({ TOKENFRAME_ALLOW_PRIVATE_NETWORK: '1' });
    await first.cli('accounts', 'create', '--name', 'shop');
    const made = JSON.parse((await create(first)).out) as { id: string };
    await first.vault.close();
    const k2 = randomBytes(32).toString('base64');
    const rotating = await makeHarness({
      ...first.env,
      TOKENFRAME_MASTER_KEY: k2,
      TOKENFRAME_PREVIOUS_MASTER_KEYS: first.env.TOKENFRAME_MASTER_KEY,
    });
    const r = await rotating.cli('master-key', 'rewrap', '--json');
    expect(r.code, r.err).toBe(0);
    // the two vault_state secrets and the connection's credentials
    expect(JSON.parse(r.out)).toMatchObject({ rewrapped: 3 });
    await rotating.vault.close();
    h = await makeHarness({ ...first.env, TOKENFRAME_MASTER_KEY: k2 });
    expect(h.vault.connections.credentials((await h.vault.stores.connections.find(made.id))!)).toEqual({
      username: 'testing',
      password: 'pw-SECRET-9f3',
    });
  });
});
