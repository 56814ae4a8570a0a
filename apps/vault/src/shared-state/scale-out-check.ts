/**
 * Several vault processes without Redis would each keep their own rate-limit counters and replay
 * fast path: limits multiplied by the process count, silently. In production that is refused;
 * elsewhere it is a warning. `TOKENFRAME_PROCESSES` is the operator's statement of how many
 * processes serve one store (the deployment recipe in docs/operations.md sets it).
 */
export function checkScaleOut(env: NodeJS.ProcessEnv): { ok: true; warning?: string } | { ok: false; message: string } {
  const raw = env.TOKENFRAME_PROCESSES ?? '1';
  const processes = Number(raw);
  if (!Number.isInteger(processes) || processes < 1) return { ok: false, message: `TOKENFRAME_PROCESSES must be a positive integer, got "${raw}".` };
  if (processes === 1) return { ok: true };
  const problems: string[] = [];
  if (!env.REDIS_URL) problems.push('no REDIS_URL: rate limits, the replay fast path and CVC key generations would be per process (a CVC sealed by one process could not be revealed by another)');
  if (!/^postgres(ql)?:\/\//.test(env.DATABASE_URL ?? '')) problems.push('no postgres:// DATABASE_URL: SQLite is for one host');
  if (problems.length === 0) return { ok: true };
  const message = `TOKENFRAME_PROCESSES=${processes} but ${problems.join('; ')}. See docs/operations.md, "Several processes".`;
  return env.NODE_ENV === 'production' ? { ok: false, message } : { ok: true, warning: message };
}
