import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FRAMES, makeHarness, secretHeaders, SHOP, type Harness } from '../harness';
import { freshPgSchema, freshRedisSpace, luhnCard, type PgSchema, type RedisSpace } from '../support/services';

/**
 * Issue #17, vault side: the card-number sweep through the fingerprint (finding 1), who spends whose
 * budget (finding 2) and IPv6 clients counted per /64 (finding 3). Each runs on SQLite + memory
 * counters and on PostgreSQL + Redis (counters shared across processes).
 */
const TIGHT = {
  default: { perKey: [12, 60], perIp: [8, 60], perSession: [2, 600], distinctCardsPerIp: [5, 600], distinctCardsPerBin: [8, 600] },
};

type Backend = { env: Record<string, string>; dispose(): Promise<void> };
const sqlite = async (): Promise<Backend> => ({ env: {}, dispose: async () => undefined });
const postgres = async (): Promise<Backend> => {
  const [pg, redis]: [PgSchema, RedisSpace] = [await freshPgSchema(), await freshRedisSpace()];
  return {
    env: { ...pg.env, ...redis.env },
    dispose: async () => {
      await pg.drop();
      await redis.clear();
    },
  };
};

/** The 16-digit numbers an attacker who sees BIN8 + last4 must try, in order, Luhn-valid only. */
function candidates(bin8: string, last4: string): string[] {
  const out: string[] = [];
  for (let m = 0; m < 10_000; m++) {
    const pan = `${bin8}${String(m).padStart(4, '0')}${last4}`;
    let sum = 0;
    for (let i = 0; i < 16; i++) {
      let d = Number(pan[15 - i]);
      if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    if (sum % 10 === 0) out.push(pan);
  }
  return out;
}

describe.each([
  ['sqlite', sqlite],
  ['postgres + redis', postgres],
])('abuse limits on %s', (_name, backend) => {
  let plain: Backend;
  let tight: Backend;
  let h: Harness; // default limits
  let t: Harness; // TIGHT limits
  let n = 0;
  beforeAll(async () => {
    [plain, tight] = [await backend(), await backend()];
    h = await makeHarness(plain.env);
    t = await makeHarness({
      ...tight.env,
      TOKENFRAME_RATE_LIMITS: JSON.stringify(TIGHT),
      TOKENFRAME_SESSION_RATE_PER_MINUTE: '20',
      TOKENFRAME_FRAME_LOOKUPS_PER_MINUTE: '6',
      TOKENFRAME_TRUSTED_PROXIES: '10.0.0.0/8',
    });
  }, 30_000);
  afterAll(async () => {
    await h?.close();
    await t?.close();
    await plain?.dispose();
    await tight?.dispose();
  });

  /** A fresh address each call (a client rotating addresses), or the one given. */
  const nextIp = () => `198.18.${(n >> 8) & 255}.${n++ & 255}`;
  async function post(v: Harness, pk: string, body: string, ip: string): Promise<Response> {
    const headers = { Authorization: `Bearer ${pk}`, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID(), Origin: FRAMES };
    return v.api.request('/v1/tokens', { method: 'POST', headers, body }, { incoming: { socket: { remoteAddress: ip } } });
  }
  async function session(v: Harness, pk: string, ip: string): Promise<string> {
    const res = await v.api.request(
      '/v1/sessions',
      {
        method: 'POST',
        headers: { Authorization: `Bearer ${pk}`, 'Content-Type': 'application/json', Origin: FRAMES },
        body: JSON.stringify({ origin: SHOP }),
      },
      { incoming: { socket: { remoteAddress: ip } } },
    );
    if (res.status !== 201) throw new Error(`session: ${res.status}`);
    return ((await res.json()) as { sid: string }).sid;
  }
  /** One tokenization: its own session, from `ip` (a fresh address by default). */
  async function tokenize(v: Harness, pk: string, pan: string, o: { ip?: string; sid?: string } = {}): Promise<Response> {
    const ip = o.ip ?? nextIp();
    const sid = o.sid ?? (await session(v, pk, ip));
    return post(v, pk, JSON.stringify({ jwe: await v.seal({ pk, sid, pan }) }), ip);
  }
  const keys = async (v: Harness, env: 'test' | 'live', account = `acct-${randomUUID().slice(0, 8)}`) => {
    if (env === 'live') {
      await v.key('--account', account, '--type', 'publishable', '--env', 'test', '--origin', SHOP); // creates the account
      expect((await v.cli('origins', 'verify', '--account', account, '--origin', SHOP)).code).toBe(0);
    }
    const pk = (await v.key('--account', account, '--type', 'publishable', '--env', env, '--origin', SHOP)).key;
    const sk = (await v.key('--account', account, '--type', 'secret', '--env', env, '--scope', 'tokens:read', '--scope', 'events:read'))
      .key;
    return { pk, sk, account };
  };

  test('finding 1: a sweep for the hidden digits behind BIN8 + last4 + fingerprint is refused after 2 candidates (default limits)', async () => {
    const { pk, sk, account } = await keys(h, 'live');
    const victim = luhnCard('45561234');
    const made = await tokenize(h, pk, victim);
    expect(made.status).toBe(201);
    const id = ((await made.json()) as { id: string }).id;
    const seen = (
      (await (await h.api.request(`/v1/tokens/${id}`, { headers: secretHeaders(sk) })).json()) as {
        card: { bin: string; last4: string; fingerprint: string };
      }
    ).card;
    expect(seen.bin).toBe('45561234');
    const sweep = candidates(seen.bin, seen.last4).filter((p) => p !== victim);
    expect(sweep.length).toBeGreaterThan(990); // ~1,000 Luhn-valid numbers share one BIN8 + last4
    // The attacker rotates address and session for every candidate.
    const statuses: number[] = [];
    for (const pan of sweep.slice(0, 12)) statuses.push((await tokenize(h, pk, pan)).status);
    expect(statuses).toEqual([201, 201, ...Array(10).fill(429)]);
    // Counted per account, not per key: another live publishable key of the account is refused too.
    const pk2 = (await h.key('--account', account, '--type', 'publishable', '--env', 'live', '--origin', SHOP)).key;
    expect((await tokenize(h, pk2, sweep[12]!)).status).toBe(429);
    // The real card is refused as well while the window lasts: a refusal tells nothing about a candidate.
    const again = await tokenize(h, pk, victim);
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('Retry-After'))).toBeGreaterThan(80_000);
    const events = (
      (await (await h.api.request('/v1/events?type=card_testing_suspected', { headers: secretHeaders(sk) })).json()) as {
        data: { data: Record<string, unknown> }[];
      }
    ).data;
    expect(events.map((e) => e.data)).toEqual([
      expect.objectContaining({
        scope: 'bin_last4',
        bin: '45561234',
        last4: seen.last4,
        distinctCards: 4,
        limit: 3,
        windowSeconds: 86_400,
      }),
    ]);
    expect(JSON.stringify(events)).not.toContain(victim.slice(8, 12));
    // Another card of the same BIN (another last4) is not affected.
    let other = luhnCard('45561234');
    while (other.endsWith(seen.last4)) other = luhnCard('45561234');
    expect((await tokenize(h, pk, other)).status).toBe(201);
  });

  test("finding 2: garbage sent before the JWE opens spends only per-IP budget, never the key's", async () => {
    const { pk } = await keys(t, 'test');
    const flood: number[] = [];
    for (let i = 0; i < 10; i++) flood.push((await post(t, pk, '{"jwe":"x"}', '203.0.113.1')).status);
    expect(flood).toEqual([...Array(8).fill(400), 429, 429]); // perIp 8
    for (let i = 0; i < 8; i++) expect((await post(t, pk, '{"jwe":"x"}', '203.0.113.2')).status).toBe(400);
    // 18 requests from two addresses, perKey is 12: every shopper still gets through, up to perKey.
    const shoppers: number[] = [];
    for (let i = 0; i < 13; i++) shoppers.push((await tokenize(t, pk, '4242424242424242')).status);
    expect(shoppers).toEqual([...Array(12).fill(201), 429]);
  });

  test("finding 2: a request refused per session spends nothing of the key's budget", async () => {
    const { pk } = await keys(t, 'test');
    const ip = nextIp();
    const sid = await session(t, pk, ip);
    const one: number[] = [];
    for (let i = 0; i < 3; i++) one.push((await tokenize(t, pk, '4242424242424242', { ip, sid })).status);
    for (let i = 0; i < 3; i++) one.push((await tokenize(t, pk, '4242424242424242', { ip: nextIp(), sid })).status);
    expect(one).toEqual([201, 201, 429, 429, 429, 429]); // perSession 2
    const others: number[] = [];
    for (let i = 0; i < 11; i++) others.push((await tokenize(t, pk, '5555555555554444')).status);
    expect(others).toEqual([...Array(10).fill(201), 429]); // perKey 12 = 2 + 10
  });

  test('finding 2: one address sending distinct cards of one BIN is refused per IP and does not block the BIN for others', async () => {
    const { pk } = await keys(t, 'test');
    const ip = nextIp();
    const burst: number[] = [];
    for (let i = 0; i < 12; i++) burst.push((await tokenize(t, pk, luhnCard('41111111'), { ip })).status);
    expect(burst).toEqual([...Array(5).fill(402), ...Array(7).fill(429)]); // distinctCardsPerIp 5, then perIp 8
    const elsewhere: number[] = [];
    for (let i = 0; i < 3; i++) elsewhere.push((await tokenize(t, pk, luhnCard('41111111'))).status);
    expect(elsewhere).toEqual([402, 402, 402]); // distinctCardsPerBin (8) has spent 5 of its points, not 8
  });

  test('finding 3: an IPv6 client is counted per /64: rotating addresses inside it does not reset perIp or the session limit', async () => {
    const { pk } = await keys(t, 'test');
    const net = (i: number) => `2001:db8:17:${i}::`;
    const flood: number[] = [];
    for (let i = 0; i < 10; i++) flood.push((await post(t, pk, '{"jwe":"x"}', `${net(1)}${(i + 1).toString(16)}`)).status);
    expect(flood).toEqual([...Array(8).fill(400), 429, 429]); // perIp 8 for the whole /64
    expect((await post(t, pk, '{"jwe":"x"}', `${net(2)}1`)).status).toBe(400); // the next /64 is another client
    const sessions: number[] = [];
    for (let i = 0; i < 21; i++)
      sessions.push(
        await session(t, pk, `2001:db8:17:3:${i.toString(16)}::9`).then(
          () => 201,
          () => 429,
        ),
      );
    expect(sessions).toEqual([...Array(20).fill(201), 429]); // TOKENFRAME_SESSION_RATE_PER_MINUTE=20 per /64
    expect(await session(t, pk, `${net(4)}1`).then(() => 201)).toBe(201);
    // An IPv4 client is still one address; its dual-stack form is the same client.
    for (let i = 0; i < 8; i++) expect((await post(t, pk, '{"jwe":"x"}', '192.0.2.77')).status).toBe(400);
    expect((await post(t, pk, '{"jwe":"x"}', '::ffff:192.0.2.77')).status).toBe(429);
    expect((await post(t, pk, '{"jwe":"x"}', '192.0.2.78')).status).toBe(400);
  });

  test('finding 9: frame documents and /v1/frames/status share a per-client limit (behind a trusted proxy, per forwarded client)', async () => {
    const { pk } = await keys(t, 'test');
    const from = (ip: string) => ({ incoming: { socket: { remoteAddress: ip } } }) as never;
    const status = (ip: string, key = pk) => t.api.request(`/v1/frames/status?pk=${key}&origin=${encodeURIComponent(SHOP)}`, {}, from(ip));
    const doc = (ip: string, xff?: string) =>
      t.frames.request(
        `/frames/v1/controller.html?pk=${pk}&origin=${encodeURIComponent(SHOP)}`,
        xff ? { headers: { 'X-Forwarded-For': xff } } : {},
        from(ip),
      );
    const seen: number[] = [];
    for (let i = 0; i < 3; i++) seen.push((await status('192.0.2.90', `pk_test_unknown${i}aaaaaaaaaaaaaaaaaaaaa`)).status);
    for (let i = 0; i < 3; i++) seen.push((await doc('192.0.2.90')).status);
    const refused = await status('192.0.2.90');
    expect(seen.every((s) => s !== 429)).toBe(true);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(refused.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const doc429 = await doc('192.0.2.90');
    expect([doc429.status, doc429.headers.get('Content-Security-Policy')]).toEqual([429, "default-src 'none'; frame-ancestors 'none'"]);
    expect((await status('192.0.2.91')).status).toBe(200); // another client
    // Behind the load balancer, each forwarded client has its own budget; the proxy itself is not the client.
    for (let i = 0; i < 6; i++) expect((await doc('10.0.0.5', '192.0.2.92')).status).not.toBe(429);
    expect((await doc('10.0.0.5', '192.0.2.92')).status).toBe(429);
    expect((await doc('10.0.0.5', '192.0.2.93')).status).not.toBe(429);
  });

  test('finding 7: a stored 201 is replayed only to the client that made it, and only while its session lasts', async () => {
    const { pk } = await keys(t, 'test');
    const ip = nextIp();
    const sid = await session(t, pk, ip);
    const jwe = await t.seal({ pk, sid });
    const idem = randomUUID();
    const send = (from: string) =>
      t.api.request(
        '/v1/tokens',
        {
          method: 'POST',
          headers: { Authorization: `Bearer ${pk}`, 'Content-Type': 'application/json', 'Idempotency-Key': idem, Origin: FRAMES },
          body: JSON.stringify({ jwe }),
        },
        { incoming: { socket: { remoteAddress: from } } },
      );
    const first = await send(ip);
    expect(first.status).toBe(201);
    const retry = await send(ip); // the frame's own retry after a network failure
    expect([retry.status, retry.headers.get('Idempotent-Replayed'), await retry.text()]).toEqual([201, 'true', await first.clone().text()]);
    const copy = await send('192.0.2.200'); // someone holding a copy of the request (WAF/CDN body log)
    const body = await copy.text();
    expect(body).not.toContain('tok_');
    expect([copy.status, (JSON.parse(body) as { error?: { code: string } }).error?.code]).toEqual([409, 'replayed_request']);
    const started = t.clock.now;
    try {
      t.clock.now = started + 31 * 60_000; // past the session's 30 minutes
      expect((await send(ip)).status).toBe(409);
    } finally {
      t.clock.now = started;
    }
  });
});
