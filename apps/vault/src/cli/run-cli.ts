import { parseArgs } from 'node:util';
import pino from 'pino';
import { createLogger } from '../log/create-logger';
import { loadVaultConfig, type Env } from '../config/vault-config';
import { buildVault, type Vault } from '../server/build-vault';
import { sameSiteWarning } from '../server/report-same-site';
import type { KeyEnv, KeyType } from '../stores/records';
import { WEBHOOK_USAGE, webhookCommand } from './webhook-commands';
import { CONNECTIONS_OPTIONS, CONNECTIONS_USAGE, runConnectionsCommand } from './connections-cli';

export interface CliIo {
  /** The environment to configure the vault from (main.ts passes the process environment). */
  env: Env;
  out: (line: string) => void;
  err: (line: string) => void;
}

const USAGE = `Usage: pnpm vault <command> [--json]
  start                                   run the API (PORT, default 4000) and frames (FRAMES_PORT, default 4001)
  accounts create --name <name>
  accounts list
  keys create --account <name> --type publishable|secret --env test|live
              [--origin <origin>]… [--scope <scope>]… [--ip <address>]… [--label <text>]
  keys list [--account <name>]
  keys roll --key <key_id> [--overlap-hours 24]
  keys revoke --key <key_id>
  origins verify --account <name> --origin <origin> [--force]   (--force: even if another account verified it)
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
      case 'accounts create': {
        if (!v.name) return fail('accounts create needs --name <name>.');
        const r = await vault.keys.createAccount(v.name);
        if (!r.ok) return fail(r.message);
        print(r.value, `account ${r.value.id} "${r.value.name}" created`);
        return 0;
      }
      case 'accounts list': {
        const list = await vault.stores.keys.listAccounts();
        print(list, list.map((a) => `${a.id}  ${a.name}`).join('\n') || '(no accounts)');
        return 0;
      }
      case 'keys create': {
        if (!v.account) return fail('keys create needs --account <name>.');
        if (v.type !== 'publishable' && v.type !== 'secret') return fail('--type must be publishable or secret.');
        if (v.env !== 'test' && v.env !== 'live') return fail('--env must be test or live.');
        const r = await vault.keys.createKey({
          account: v.account,
          type: v.type as KeyType,
          env: v.env as KeyEnv,
          origins: v.origin ?? [],
          scopes: v.scope ?? [],
          ips: v.ip ?? [],
          label: v.label ?? '',
        });
        if (!r.ok) return fail(r.message);
        const k = r.value;
        const warnings = k.origins.map((o) => sameSiteWarning(o, vault.framesUrl)).filter((w) => w !== undefined);
        const base = {
          id: k.id,
          key: k.key,
          account: k.account,
          type: k.type,
          env: k.env,
          origins: k.origins,
          ...(warnings.length ? { warnings } : {}),
        };
        const out = k.type === 'publishable' ? base : { ...base, scopes: k.scopes };
        for (const w of warnings) io.err(`warning: ${w}`);
        print(out, `${k.type} ${k.env} key ${k.id} for "${k.account}" — shown once, store it now:\n${k.key}`);
        return 0;
      }
      case 'keys list': {
        const keys = await vault.keys.listKeys(v.account);
        const rows = keys.map((k) => ({
          id: k.id,
          hint: k.hint,
          account: k.accountId,
          type: k.type,
          env: k.env,
          label: k.label,
          origins: k.origins,
          scopes: k.scopes,
          ips: k.ipAllowlist,
          createdAt: k.createdAt,
          expiresAt: k.expiresAt,
          revokedAt: k.revokedAt,
        }));
        print(
          rows,
          rows
            .map(
              (k) =>
                `${k.id}  ${k.hint}  ${k.type}/${k.env}  ${k.revokedAt ? 'revoked' : k.expiresAt ? `overlap until ${new Date(k.expiresAt).toISOString()}` : 'active'}  ${[...k.origins, ...k.scopes].join(' ')}`,
            )
            .join('\n') || '(no keys)',
        );
        return 0;
      }
      case 'keys roll': {
        const id = v.key ?? positionals[2];
        if (!id) return fail('keys roll needs --key <key_id>.');
        const hours = Number(v['overlap-hours'] ?? '24');
        if (!(hours >= 0)) return fail('--overlap-hours must be a number ≥ 0.');
        const r = await vault.keys.rollKey(id, hours * 3_600_000);
        if (!r.ok) return fail(r.message);
        print(
          { ...r.value, replaces: id },
          `key ${id} rolled: it keeps working for ${hours} h. New key ${r.value.id} — shown once:\n${r.value.key}`,
        );
        return 0;
      }
      case 'keys revoke': {
        const id = v.key ?? positionals[2];
        if (!id) return fail('keys revoke needs --key <key_id>.');
        const r = await vault.keys.revokeKey(id);
        if (!r.ok) return fail(r.message);
        print({ id, revoked: true }, `key ${id} revoked`);
        return 0;
      }
      case 'origins verify': {
        if (!v.account || !v.origin?.[0]) return fail('origins verify needs --account <name> --origin <origin>.');
        const r = await vault.keys.verifyOrigin(v.account, v.origin[0], { force: v.force === true });
        if (!r.ok) return fail(r.message);
        const shared = r.value.alsoVerifiedBy.length
          ? `; also verified for ${r.value.alsoVerifiedBy.map((n) => `"${n}"`).join(', ')} (--force)`
          : '';
        print({ ...r.value, verified: true }, `${r.value.origin} verified for "${r.value.account}" (live keys may now use it)${shared}`);
        return 0;
      }
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
          (await runConnectionsCommand(command, v, positionals, vault, { print, fail })) ??
          fail(`Unknown command "${command}".\n\n${USAGE}`)
        );
    }
  } finally {
    await vault.close();
  }
}
