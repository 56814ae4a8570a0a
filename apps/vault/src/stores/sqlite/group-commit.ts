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
 *
 * A write may be asynchronous (`VaultStores.transaction`, whose callback awaits the aggregate
 * stores): the batch then waits for it inside its savepoint. While such a batch is open, `settled`
 * is a promise, so reads outside the transaction wait rather than see its uncommitted rows.
 */
export class GroupCommit {
  readonly #db: Database.Database;
  readonly #enabled: boolean;
  #queue: PendingWrite[] = [];
  #scheduled = false;
  #running = false;
  #open: Promise<void> | undefined;
  #idle: (() => void)[] = [];
  batches = 0;
  writes = 0;

  constructor(db: Database.Database, enabled: boolean) {
    this.#db = db;
    this.#enabled = enabled;
  }

  write<T>(run: () => T | Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ run, resolve: resolve as (v: unknown) => void, reject });
      if (!this.#enabled) return void this.#flush();
      if (!this.#scheduled) {
        this.#scheduled = true;
        setImmediate(() => void this.#flush());
      }
    });
  }

  /** Undefined, or a promise that settles when the open asynchronous batch has committed. */
  get settled(): Promise<void> | undefined {
    return this.#open;
  }

  /** Resolves when every write queued so far has been committed (graceful shutdown). */
  drain(): Promise<void> {
    if (this.#queue.length === 0 && !this.#running) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  async #flush(): Promise<void> {
    this.#scheduled = false;
    if (this.#running) return; // picked up when the running batch ends
    const batch = this.#queue;
    this.#queue = [];
    if (batch.length === 0) return this.#settleIdle();
    this.#running = true;
    let endOpen: (() => void) | undefined;
    const outcomes: { ok: boolean; value: unknown }[] = [];
    try {
      // IMMEDIATE: take the write lock at BEGIN, where SQLite waits `busy_timeout` for another
      // process's COMMIT. A DEFERRED transaction would read first and then fail at once with
      // SQLITE_BUSY_SNAPSHOT when it tries to write after the other process committed.
      this.#db.exec('BEGIN IMMEDIATE');
      try {
        for (const w of batch) {
          this.#db.exec('SAVEPOINT unit');
          try {
            let value = w.run();
            if (value instanceof Promise) {
              this.#open ??= new Promise<void>((r) => (endOpen = r));
              value = await value;
            }
            this.#db.exec('RELEASE unit');
            outcomes.push({ ok: true, value });
          } catch (error) {
            this.#db.exec('ROLLBACK TO unit');
            this.#db.exec('RELEASE unit');
            outcomes.push({ ok: false, value: error });
          }
        }
        this.#db.exec('COMMIT');
      } catch (error) {
        if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
        throw error;
      }
    } catch (error) {
      // BEGIN found the file locked past busy_timeout, or the COMMIT failed (disk full, I/O
      // error): nothing in the batch is durable. The HTTP edge answers SQLITE_BUSY with a 503.
      for (const w of batch) w.reject(error);
      return this.#end(endOpen);
    }
    this.batches++;
    this.writes += batch.length;
    batch.forEach((w, i) => {
      const o = outcomes[i]!;
      if (o.ok) w.resolve(o.value);
      else w.reject(o.value);
    });
    this.#end(endOpen);
  }

  #end(endOpen: (() => void) | undefined): void {
    this.#running = false;
    this.#open = undefined;
    endOpen?.();
    if (this.#queue.length > 0) {
      if (!this.#enabled) void this.#flush();
      else if (!this.#scheduled) {
        this.#scheduled = true;
        setImmediate(() => void this.#flush());
      }
      return;
    }
    this.#settleIdle();
  }

  #settleIdle(): void {
    if (this.#queue.length > 0 || this.#running) return;
    const idle = this.#idle;
    this.#idle = [];
    for (const resolve of idle) resolve();
  }
}
