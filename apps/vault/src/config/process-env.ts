/**
 * The one place the vault touches `process.env`: the entry points (`pnpm vault`, bench children)
 * hand it to loadVaultConfig. Everything else receives a VaultConfig.
 */
export function processEnv(): Readonly<Record<string, string | undefined>> {
  return process.env;
}
