import { openSqliteStores } from '../../src/stores/sqlite/sqlite-stores';

/**
 * One "vault process" for the two-writers test: opens the SQLite file given as argv[2], then runs
 * `rounds` bursts (from `startAt`, ms since epoch) of `burst` concurrent read-then-write transactions (Idempotency-Key claims, the
 * hottest write path) and prints one JSON line: how many succeeded and the error codes of the rest.
 */
const [file = '', tag = 'w', rounds = '40', burst = '25', startAt = '0'] = process.argv.slice(2);
const store = openSqliteStores(file);
// Both writers begin at the same wall-clock moment, whatever their start-up time was.
await new Promise((r) => setTimeout(r, Math.max(0, Number(startAt) - Date.now())));
let ok = 0;
const errors: string[] = [];
for (let r = 0; r < Number(rounds); r++) {
  const results = await Promise.allSettled(
    Array.from({ length: Number(burst) }, (_, i) => store.idempotency.begin('acct_two', `${tag}:${r}:${i}`, 'hash', Date.now(), 60_000)),
  );
  for (const x of results) {
    if (x.status === 'fulfilled' && x.value.kind === 'new') ok++;
    else errors.push(x.status === 'rejected' ? String((x.reason as { code?: string }).code ?? x.reason) : x.value.kind);
  }
}
await store.close();
process.stdout.write(`${JSON.stringify({ ok, errors })}\n`);
