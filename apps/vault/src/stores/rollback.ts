/** A rollback that carries a result out of `VaultStores.transaction` (e.g. "replayed": nothing to commit). */
export class Rollback<T> extends Error {
  constructor(readonly value: T) {
    super('rollback');
  }
}
