/**
 * Secret-key scopes. `tokens:reveal` is granted only by the operator (the CLI), never by default.
 * `tokens:persist` makes a short-lived browser token long-lived (card on file). `webhooks:write`
 * creates, deletes and rotates webhook endpoints and redelivers events; `webhooks:read` lists them and their attempts.
 * `charges:read` / `charges:write` (retrieve; create, capture, void, refund) and `proxy:invoke`
 * (send a token's card to the account's processor connection) move money or card data, so a new
 * key has none of them unless the operator names them (`--scope charges:write`), like a restricted
 * key; docs/security.md, "What each key can do".
 */
export const SCOPES = [
  'tokens:read',
  'tokens:reveal',
  'tokens:persist',
  'tokens:delete',
  'events:read',
  'webhooks:read',
  'webhooks:write',
  'charges:read',
  'charges:write',
  'proxy:invoke',
] as const;
export type Scope = (typeof SCOPES)[number];
export const DEFAULT_SECRET_SCOPES: readonly Scope[] = ['tokens:read', 'tokens:persist', 'tokens:delete'];

export function isScope(x: string): x is Scope {
  return (SCOPES as readonly string[]).includes(x);
}
