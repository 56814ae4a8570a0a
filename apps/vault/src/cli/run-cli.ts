import { parseArgs } from 'node:util';
import pino from 'pino';
import { createLogger } from '../log/create-logger';
import { loadVaultConfig, type Env } from '../config/vault-config';
import { buildVault, type Vault } from '../server/build-vault';
import { WEBHOOK_USAGE, webhookCommand } from './webhook-commands';
import { CONNECTIONS_OPTIONS, CONNECTIONS_USAGE, runConnectionsCommand } from './connections-cli';
import { KEY_USAGE, runKeyCommand } from './key-commands';

export interface CliIo {
  /** The environment to configure the vault from (main.ts passes the process environment). */
  env: Env;
  out: (line: string) => void;
  err: (line: string) => void;
}

const USAGE = `Usage: pnpm vault <command> [--json]
  start                                   run the API (PORT, default 4000) and frames (FRAMES_PORT, default 4001)
${KEY_USAGE}
  jwks rotate
  master-key rewrap                       (with TOKENFRAME_PREVIOUS_MASTER_KEYS set to the old key)
${WEBHOOK_USAGE}
${CONNECTIONS_USAGE}
Data folder: TOKENFRAME_DATA_DIR or .tokenframe/ at the workspace root.`;

const OPTIONS = {
  json: { type: 'boolean' },
  name: { type: 'string' },
  account: { type: 'string' },
  type: { type: 'string' },
  env: { type: 'string' },
  origin: { type: 'string', multiple: true },
  scope: { type: 'string', multiple: true },
  ip: { type: 'string', multiple: true },
  label: { type: 'string' },
  key: { type: 'string' },
  'overlap-hours': { type: 'string' },
  force: { type: 'boolean' },
  event: { type: 'string', multiple: true },
  description: { type: 'string' },
  help: { type: 'boolean' },
  ...CONNECTIONS_OPTIONS,
} as const;

/**
 * Every CLI command except `start` (see main.ts): parse, open the vault, do one thing, print the
 * result (JSON with --json), close. Returns the exit code; expected failures are messages, not stacks.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    io.err(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values: v, positionals } = parsed;
  const command = positionals.slice(0, 2).join(' ');
  if (v.help || positionals.length === 0) {
    io.out(USAGE);
    return v.help ? 0 : 2;
  }
  const print = (value: unknown, human: string) => io.out(v.json ? JSON.stringify(value) : human);
  const fail = (message: string) => {
    io.err(v.json ? JSON.stringify({ error: { message } }) : `error: ${message}`);
    return 1;
  };
  const logger = createLogger({ level: 'warn', destination: pino.destination(2) });
  let vault: Vault;
  try {
    vault = await buildVault(loadVaultConfig(io.env), { logger, checkRedisPrefix: false, webhookWorker: false });
  } catch (e) {
    return fail((e as Error).message);
  }
  try {
    switch (command) {
      case 'jwks rotate': {
        const jwks = await vault.secrets.rotateKeyring(Date.now());
        print(jwks, `keyring rotated; published kids: ${jwks.keys.map((k) => k.kid).join(', ')}`);
        return 0;
      }
      case 'master-key rewrap': {
        if (vault.masterKeys.previous.length === 0) {
          return fail(
            'Set TOKENFRAME_PREVIOUS_MASTER_KEYS to the old master key (base64) and TOKENFRAME_MASTER_KEY(_FILE) to the new one, then run this again.',
          );
        }
        const n = await vault.secrets.rewrapAll();
        // The live CVC key generations (in Redis) are wrapped under the master key too.
        const generations = await vault.cvcKeys.rewrapAll();
        // The Redis prefix's key check follows the master key (server/check-redis-prefix.ts).
        await vault.shared.claimPrefix(
          vault.masterKeys.data.key,
          vault.masterKeys.previous.map((p) => p.data.key),
        );
        print(
          { rewrapped: n, cvcKeyGenerations: generations },
          `${n} envelopes and ${generations} CVC key generations rewrapped under the current master key; the previous key can be retired.`,
        );
        return 0;
      }
      default:
        if (positionals[0] === 'webhooks' && positionals[1]) return await webhookCommand(vault, positionals[1], v, print, fail);
        return (
          (await runKeyCommand(command, v, positionals, vault, { print, fail, err: io.err })) ??
          (await runConnectionsCommand(command, v, positionals, vault, { print, fail })) ??
          fail(`Unknown command "${command}".\n\n${USAGE}`)
        );
    }
  } finally {
    await vault.close();
  }
}
