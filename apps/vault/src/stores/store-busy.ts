/**
 * True for "the database is locked by another process right now" (SQLite past its busy_timeout,
 * PostgreSQL lock_not_available): a transient condition the client should retry, answered 503 +
 * Retry-After at the HTTP edge, never a 500.
 */
export function isStoreBusy(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  return code.startsWith('SQLITE_BUSY') || code === 'SQLITE_LOCKED' || code === '55P03';
}
