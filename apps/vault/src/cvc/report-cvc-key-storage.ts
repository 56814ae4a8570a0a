import type { Logger } from 'pino';
import type { OpenVault } from '../server/open-vault';

const SEE = 'See docs/operations.md, "CVC key generations".';

/**
 * Tells the operator at start what a restart costs the CVCs, and whether Redis would write the
 * generation keys to disk (where deleting them no longer destroys every copy). Never throws and
 * is not awaited: a Redis that is down must not delay or fail the start (requests will say so).
 */
export async function reportCvcKeyStorage(vault: Pick<OpenVault, 'cvcKeys' | 'shared'>, logger: Logger): Promise<void> {
  if (vault.cvcKeys.kind === 'memory') {
    logger.info(`CVC key generations are kept in this process's memory (no REDIS_URL): a restart makes the CVCs not yet revealed unreadable (reveals answer without them; card numbers are unaffected). Set REDIS_URL to keep them across restarts. ${SEE}`);
    return;
  }
  const persistence = await vault.shared.persistence().catch(() => 'unknown');
  if (persistence === 'unknown') {
    logger.info(`Could not read Redis's persistence settings (CONFIG refused or Redis unreachable): make sure it writes no RDB snapshots or AOF. ${SEE}`);
  } else if (persistence) {
    logger.warn(`⚠️  Redis persists to disk: ${persistence}. CVC key generations (wrapped under the master key) then survive their shredding in those files until the files are rewritten and the blocks reused. Run the vault's Redis with --save "" --appendonly no. ${SEE}`);
  }
}
