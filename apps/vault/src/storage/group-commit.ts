import type Database from 'better-sqlite3';

interface PendingWrite {
  run: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for a synchronous SQLite connection.
 *
 * With `synchronous=FULL` every COMMIT is an fsync, which caps one-transaction-per-request at a few
 * thousand writes per second. Writes queued within the same event-loop turn are instead run in one
 * transaction, each inside its own SAVEPOINT (so one failing write rolls back alone), and every
 * caller's promise settles only after that single COMMIT returned: nobody is told "done" before the
 * data is on disk. With `enabled: false` each write commits on its own (for comparison benchmarks).
 */
export class GroupCommit {
  readonly #db: Database.Database;
  readonly #enabled: boolean;
  #queue: PendingWrite[] = [];
  #scheduled = false;
  #idle: (() => void)[] = [];
  batches = 0;
  writes = 0;

  constructor(db: Database.Database, enabled: boolean) {
    this.#db = db;
    this.#enabled = enabled;
  }

  write<T>(run: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ run, resolve: resolve as (v: unknown) => void, reject });
      if (!this.#enabled) return this.#flush();
      if (!this.#scheduled) {
        this.#scheduled = true;
        setImmediate(() => this.#flush());
      }
    });
  }

  /** Resolves when every write queued so far has been committed (graceful shutdown). */
  drain(): Promise<void> {
    if (this.#queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  #flush(): void {
    this.#scheduled = false;
    const batch = this.#queue;
    this.#queue = [];
    if (batch.length === 0) return;
    const outcomes: { ok: boolean; value: unknown }[] = [];
    try {
      // IMMEDIATE: take the write lock at BEGIN, where SQLite waits `busy_timeout` for another
      // process's COMMIT. A DEFERRED transaction would read first and then fail at once with
      // SQLITE_BUSY_SNAPSHOT when it tries to write after the other process committed.
      this.#db.transaction(() => {
        for (const w of batch) {
          try {
            outcomes.push({ ok: true, value: this.#db.transaction(w.run)() });
          } catch (error) {
            outcomes.push({ ok: false, value: error });
          }
        }
      }).immediate();
    } catch (error) {
      // BEGIN found the file locked past busy_timeout, or the COMMIT failed (disk full, I/O
      // error): nothing in the batch is durable. The HTTP edge answers SQLITE_BUSY with a 503.
      for (const w of batch) w.reject(error);
      this.#settleIdle();
      return;
    }
    this.batches++;
    this.writes += batch.length;
    batch.forEach((w, i) => {
      const o = outcomes[i]!;
      if (o.ok) w.resolve(o.value);
      else w.reject(o.value);
    });
    this.#settleIdle();
  }

  #settleIdle(): void {
    if (this.#queue.length > 0) return;
    const idle = this.#idle;
    this.#idle = [];
    for (const resolve of idle) resolve();
  }
}
