import type { ConnectionRecord } from '../records';
import type { Row } from '../rows';

export const connectionFromRow = (r: Row): ConnectionRecord => ({
  id: r.id as string,
  accountId: r.account_id as string,
  livemode: Number(r.livemode) === 1,
  kind: r.kind as 'cardpointe',
  url: r.url as string,
  merchid: r.merchid as string,
  credentialsEnc: r.credentials_enc as string,
  createdAt: Number(r.created_at),
});

export const connectionToRow = (c: ConnectionRecord): Row => ({
  id: c.id,
  account_id: c.accountId,
  livemode: c.livemode ? 1 : 0,
  kind: c.kind,
  url: c.url,
  merchid: c.merchid,
  credentials_enc: c.credentialsEnc,
  created_at: c.createdAt,
});
