import type { SessionRecord } from '../records';
import type { Row } from '../rows';

export const sessionFromRow = (r: Row): SessionRecord => ({
  id: r.id as string,
  accountId: r.account_id as string,
  keyId: r.key_id as string,
  origin: r.origin as string,
  createdAt: r.created_at as number,
  expiresAt: r.expires_at as number,
  maxUses: r.max_uses as number,
  uses: r.uses as number,
});
