import type { Logger } from 'pino';
import type { CvcKeyGenerations } from './cvc-key-generations';
import type { SharedState } from '../shared-state/shared-state';
import type { RedisSettings } from '../shared-state/redis-settings';

const SEE = 'See docs/operations.md, "CVC key generations".';
/** Warn well inside the 60 s the generation margin allows (generation-window.ts), so NTP trouble shows before it costs CVCs. */
export const CLOCK_SKEW_WARN_MS = 10_000;

/**
 * Tells the operator at start what a restart costs the CVCs, and whether the Redis settings break
 * what crypto-shredding relies on: no persistence (deleting a generation must destroy every copy),
 * no eviction (an evicted generation is a lost one), clocks within the margin. Never throws and is
 * not awaited: a Redis that is down must not delay or fail the start (requests will say so).
 */
export async function reportCvcKeyStorage(
  vault: { cvcKeys: CvcKeyGenerations; shared: SharedState },
  logger: Logger,
  now: () => number = Date.now,
): Promise<void> {
  if (vault.cvcKeys.kind === 'memory') {
    logger.info(
      `CVC key generations are kept in this process's memory (no REDIS_URL): a restart makes the CVCs not yet revealed unreadable (reveals answer without them; card numbers are unaffected). Set REDIS_URL to keep them across restarts. ${SEE}`,
    );
    return;
  }
  const settings = await vault.shared.redisSettings(now).catch(() => undefined);
  if (!settings) return;
  for (const { level, message } of redisSettingNotes(settings)) logger[level](`${message} ${SEE}`);
}

/** What to tell the operator about these Redis settings: nothing when all is as the docs require. */
export function redisSettingNotes(s: RedisSettings): { level: 'info' | 'warn'; message: string }[] {
  const notes: { level: 'info' | 'warn'; message: string }[] = [];
  if (s.persistence === 'unknown') {
    notes.push({
      level: 'info',
      message:
        "Could not read Redis's persistence settings (CONFIG refused or Redis unreachable): make sure it writes no RDB snapshots or AOF.",
    });
  } else if (s.persistence) {
    notes.push({
      level: 'warn',
      message: `⚠️  Redis persists to disk: ${s.persistence}. CVC key generations (wrapped under the master key) then survive their shredding in those files until the files are rewritten and the blocks reused. Run the vault's Redis with --save "" --appendonly no.`,
    });
  }
  if (s.evictionPolicy === 'unknown') {
    notes.push({
      level: 'info',
      message: "Could not read Redis's maxmemory-policy (CONFIG refused or Redis unreachable): make sure it is noeviction.",
    });
  } else if (s.evictionPolicy !== 'noeviction') {
    notes.push({
      level: 'warn',
      message: `⚠️  Redis maxmemory-policy is ${s.evictionPolicy}: under memory pressure Redis may evict CVC key generations, and the CVCs they sealed are then lost (answered like expired ones). Set maxmemory-policy noeviction.`,
    });
  }
  if (s.clockSkewMs !== undefined && Math.abs(s.clockSkewMs) > CLOCK_SKEW_WARN_MS) {
    const seconds = Math.round(Math.abs(s.clockSkewMs) / 1000);
    notes.push({
      level: 'warn',
      message: `⚠️  Redis's clock is ${seconds} s ${s.clockSkewMs > 0 ? 'ahead of' : 'behind'} this vault's. CVC key generations expire by Redis's clock and are swept by the vault's, with a 60 s margin between them: beyond it CVCs are lost early or their generation outlives its time. Sync both hosts with NTP.`,
    });
  }
  return notes;
}
