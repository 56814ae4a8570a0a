import type { SessionResponse } from '@tokenframe/protocol';
import { randomId } from '../auth/api-key';
import { canonicalOrigin } from '../auth/canonical-origin';
import type { ApiKeyRecord } from '../stores/records';
import type { VaultStores } from '../stores/vault-stores';
import type { KeyService } from './key-service';
import { vaultError, type VaultError } from './vault-error';

/**
 * Frame sessions: bound to the publishable key and the page origin, living `ttlMs` by the vault's
 * clock and allowing `maxUses` tokenizations (spent by services/session-rule.ts).
 */
export class SessionService {
  readonly #d: { stores: VaultStores; keys: KeyService; ttlMs: number; maxUses: number; now: () => number };

  constructor(d: { stores: VaultStores; keys: KeyService; ttlMs: number; maxUses: number; now: () => number }) {
    this.#d = d;
  }

  async open(key: ApiKeyRecord, requestedOrigin: unknown): Promise<SessionResponse | VaultError> {
    const origin = typeof requestedOrigin === 'string' ? canonicalOrigin(requestedOrigin) : undefined;
    if (!origin)
      return vaultError(400, 'malformed_request', 'The body must be {"origin": "<page origin, scheme://host[:port]>"}.', 'origin');
    if (!(await this.#d.keys.originAllowed(key, origin)))
      return vaultError(403, 'origin_not_allowed', 'This origin is not allowed for this publishable key.', 'origin');
    const now = this.#d.now();
    const session = {
      id: randomId('ses', 18),
      accountId: key.accountId,
      keyId: key.id,
      origin,
      createdAt: now,
      expiresAt: now + this.#d.ttlMs,
      maxUses: this.#d.maxUses,
      uses: 0,
    };
    await this.#d.stores.sessions.insert(session);
    return { sid: session.id, expiresAt: session.expiresAt, serverTime: now };
  }
}
