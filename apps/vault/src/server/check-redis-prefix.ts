import type { Logger } from 'pino';
import type { MasterKeys } from '../config/master-key';
import type { VaultConfig } from '../config/vault-config';
import type { SharedState } from '../shared-state/shared-state';

const TIMEOUT_MS = 2_000;

/**
 * Refuses to start a vault whose Redis prefix belongs to a deployment with another master key
 * (an operator mistake that otherwise answers 500 to every tokenization). A Redis that cannot be
 * asked does not stop the start (requests will say so); it is logged.
 */
export async function checkRedisPrefix(shared: SharedState, keys: MasterKeys, config: VaultConfig, logger: Logger): Promise<void> {
  if (!config.redis) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), TIMEOUT_MS)));
  const owner = await Promise.race([
    shared.claimPrefix(
      keys.data.key,
      keys.previous.map((p) => p.data.key),
    ),
    timeout,
  ])
    .catch((e: unknown) => (e as Error).message)
    .finally(() => clearTimeout(timer));
  const prefix = config.redis.prefix;
  if (owner === 'foreign') {
    throw new Error(
      `TOKENFRAME_REDIS_PREFIX "${prefix}" is already used by a vault with a different master key. Two deployments must not share a Redis prefix: give this one its own TOKENFRAME_REDIS_PREFIX (or the same master key, if it is the same deployment). See docs/operations.md, "Shared state: Redis".`,
    );
  }
  if (owner === 'rotated') logger.info({ prefix }, 'Redis prefix key check moved to the current master key');
  if (owner !== 'ours' && owner !== 'claimed' && owner !== 'rotated' && owner !== 'memory') {
    logger.warn({ prefix, reason: owner }, 'could not check that the Redis prefix belongs to this master key (Redis unreachable?)');
  }
}
