// The public surface of @tokenframe/vault (used by the demo, e2e and bench): an explicit list.
export { startVault } from './server/start-vault';
export type { RunningVault } from './server/start-vault';
export { buildVault } from './server/build-vault';
export type { Vault, BuildOptions } from './server/build-vault';
export { loadVaultConfig } from './config/vault-config';
export type { VaultConfig, Env } from './config/vault-config';
export { workspaceRoot } from './config/data-dir';
export { createLogger } from './log/create-logger';
export { KeyService } from './services/key-service';
export type { CreateKeyInput, CreatedKey } from './services/key-service';
export { canonicalOrigin } from './auth/canonical-origin';
export { runCli } from './cli/run-cli';
