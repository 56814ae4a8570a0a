// The public surface of @tokenframe/vault (used by the demo, e2e and bench): an explicit list.
export { startVault } from './server/start-vault';
export type { RunningVault } from './server/start-vault';
export { openVault } from './server/open-vault';
export type { OpenVault } from './server/open-vault';
export { loadConfig } from './config/vault-config';
export type { VaultConfig } from './config/vault-config';
export { resolveDataDir, workspaceRoot } from './config/data-dir';
export { createLogger } from './log/create-logger';
export { KeyService } from './services/key-service';
export type { CreateKeyInput, CreatedKey } from './services/key-service';
export { canonicalOrigin } from './auth/canonical-origin';
export { runCli } from './cli/run-cli';
export { createVaultApps } from './server/create-vault-apps';
