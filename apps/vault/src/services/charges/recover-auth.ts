import type { ConnectionRecord } from '../../stores/records';
import type { CardPointeConnector, GatewayAnswer } from './cardpointe-connector';
import type { Credentials } from './connection-service';

export type Recovery =
  /** Exactly one live approval for the order: the authorization happened; keep it. */
  | { kind: 'approved'; answer: GatewayAnswer }
  /** The processor booked the order and declined it. */
  | { kind: 'declined'; answer: GatewayAnswer }
  /** Nothing (or something ambiguous) was found and voidByOrderId confirmed nothing stands. */
  | { kind: 'voided' }
  /** The processor could not be asked: the charge stays pending and a retry resumes here. */
  | { kind: 'unknown' };

const VOID_ATTEMPTS = 3;

/**
 * After an authorization whose answer was lost (timeout, reset, 5xx): never send it again. Ask the
 * processor about the order (the charge id is the `orderid`): one clear approval is kept, only
 * declines are a decline; nothing found or more than one approval is voided by order id (the
 * gateway's guide suggests up to three attempts; repeating it is harmless).
 */
export async function recoverAuth(
  connector: CardPointeConnector,
  conn: ConnectionRecord,
  creds: Credentials,
  orderid: string,
): Promise<Recovery> {
  let found: GatewayAnswer[] | undefined;
  try {
    found = await connector.inquireByOrderid(conn, creds, orderid);
  } catch {
    found = undefined;
  }
  if (found && found.length > 0) {
    const standing = found.filter((t) => t.respstat === 'A' && t.setlstat !== 'Voided');
    if (standing.length === 1) return { kind: 'approved', answer: standing[0]! };
    if (standing.length === 0 && found.every((t) => t.respstat !== 'A')) return { kind: 'declined', answer: found[found.length - 1]! };
  }
  for (let i = 0; i < VOID_ATTEMPTS; i++) {
    try {
      const v = await connector.voidByOrderId(conn, creds, orderid);
      if (v.respstat === 'A' || v.respcode === '29') return { kind: 'voided' };
    } catch {
      // try again
    }
  }
  return { kind: 'unknown' };
}
