/** The vault's own sealed secrets (`vault_state`: JWE keyring, fingerprint secret). */
export interface StateStore {
  get(name: string): Promise<string | undefined>;
  put(name: string, value: string, at: number): Promise<void>;
  /**
   * Inserts `value` unless `name` exists, in one transaction, and returns what is stored then: of
   * two processes creating the vault's secrets at once, both get the winner's value.
   */
  putIfAbsent(name: string, value: string, at: number): Promise<string>;
  /** Rewrites every value with `rewrap` (master key rotation); returns how many. */
  rewrap(rewrap: (envelope: string, field: string) => string): Promise<number>;
}
