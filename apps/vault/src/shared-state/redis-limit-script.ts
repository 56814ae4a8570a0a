import type { Redis } from 'ioredis';

/**
 * One limit of a walk, on the same Redis keys and with the same fixed-window arithmetic as
 * rate-limiter-flexible's RateLimiterRedis (SET 0 EX NX, INCRBY, PTTL), so the scripted fast path
 * and the limiters count one budget. `count`: spend a point. `peek`: refuse when the window is
 * already spent, spend nothing. `distinct`: spend a point only for a card first seen in the
 * window (`seenKey`); a refusal also spends the once-per-window event marker (`eventKey`).
 */
export interface ScriptStep {
  kind: 'count' | 'peek' | 'distinct';
  key: string;
  points: number;
  seconds: number;
  seenKey?: string;
  eventKey?: string;
}
export type ScriptVerdict =
  /** `read`: the value of the key asked to be read along (undefined: absent, or none asked). */
  | { kind: 'ok'; read: string | undefined }
  | { kind: 'replayed' }
  /** `step`: index of the refusing step; `firstEvent`: this refusal is the window's first (distinct only). */
  | { kind: 'refused'; step: number; consumed: number; msBeforeNext: number; firstEvent: boolean };

// KEYS[1] = the jti key (or any key when ARGV[1] = '0': no replay check); KEYS[2] = a key to read
// along when ARGV[2] = '1' (the CVC key generation's slot); then three keys per step: counter, seen
// marker, event marker. ARGV[1] = jti TTL in ms ('0': none); then kind, points, seconds per step. Redis runs a script atomically: no other request's points land mid-walk.
const WALK = `
local function incr(key, secs)
  redis.call('set', key, 0, 'EX', secs, 'NX')
  local c = redis.call('incrby', key, 1)
  local ttl = redis.call('pttl', key)
  if ttl == -1 then redis.call('expire', key, secs) ttl = 1000 * secs end
  return c, ttl
end
local replay = ARGV[1] ~= '0'
if replay and redis.call('exists', KEYS[1]) == 1 then return {'replayed'} end
local n = (#KEYS - 2) / 3
for i = 0, n - 1 do
  local key, kind = KEYS[3 + 3 * i], ARGV[3 + 3 * i]
  local points, secs = tonumber(ARGV[4 + 3 * i]), ARGV[5 + 3 * i]
  local c, ttl
  if kind == 'count' or (kind == 'distinct' and incr(KEYS[4 + 3 * i], secs) == 1) then
    c, ttl = incr(key, secs)
  else
    local v = redis.call('get', key)
    if v then c = tonumber(v) ttl = redis.call('pttl', key) end
  end
  local over = c and ((kind == 'peek' and c >= points) or (kind ~= 'peek' and c > points))
  if over then
    local first = 0
    if kind == 'distinct' and incr(KEYS[5 + 3 * i], secs) == 1 then first = 1 end
    return {'refused', i, c, ttl, first}
  end
end
if replay then redis.call('set', KEYS[1], '1', 'PX', ARGV[1], 'NX') end
if ARGV[2] == '1' then return {'ok', redis.call('get', KEYS[2])} end
return {'ok'}
`;

type WithWalk = Redis & { tfLimitWalk(numKeys: number, ...args: (string | number)[]): Promise<unknown[]> };

/**
 * A tokenization's limits and its replay check in ONE Redis round trip (EVALSHA; ioredis falls
 * back to EVAL once per connection). The walk stops at the first refusal, so a request refused by
 * a narrow limit spends nothing of the wider ones, and the jti is claimed only when every limit
 * passed (a replayed JWE is refused before any limit is spent).
 */
export class RedisLimitScript {
  readonly #redis: WithWalk;

  constructor(redis: Redis) {
    redis.defineCommand('tfLimitWalk', { lua: WALK });
    this.#redis = redis as WithWalk;
  }

  /** `read`: a key whose value comes back with 'ok' (read after the walk, in the same call). */
  async walk(steps: readonly ScriptStep[], replay?: { key: string; ttlMs: number }, read?: string): Promise<ScriptVerdict> {
    const first = replay?.key ?? steps[0]?.key ?? 'unused';
    const keys = [first, read ?? first];
    const args: (string | number)[] = [replay ? Math.max(1, Math.ceil(replay.ttlMs)) : '0', read === undefined ? '0' : '1'];
    for (const s of steps) {
      keys.push(s.key, s.seenKey ?? s.key, s.eventKey ?? s.key);
      args.push(s.kind, s.points, s.seconds);
    }
    const r = await this.#redis.tfLimitWalk(keys.length, ...keys, ...args);
    if (r[0] === 'replayed') return { kind: 'replayed' };
    if (r[0] === 'ok') return { kind: 'ok', read: typeof r[1] === 'string' ? r[1] : undefined };
    return {
      kind: 'refused',
      step: Number(r[1]),
      consumed: Number(r[2]),
      msBeforeNext: Math.max(0, Number(r[3])),
      firstEvent: Number(r[4]) === 1,
    };
  }
}
