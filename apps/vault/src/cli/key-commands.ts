import type { Vault } from '../server/build-vault';
import { sameSiteWarning } from '../server/report-same-site';
import type { KeyEnv, KeyType } from '../stores/records';

export const KEY_USAGE = `  accounts create --name <name>
  accounts list
  keys create --account <name> --type publishable|secret --env test|live
              [--origin <origin>]… [--scope <scope>]… [--ip <address>]… [--label <text>]
  keys list [--account <name>]
  keys roll --key <key_id> [--overlap-hours 24]
  keys revoke --key <key_id>
  origins verify --account <name> --origin <origin> [--force]   (--force: even if another account verified it)`;

interface Values {
  name?: string | undefined;
  account?: string | undefined;
  type?: string | undefined;
  env?: string | undefined;
  origin?: string[] | undefined;
  scope?: string[] | undefined;
  ip?: string[] | undefined;
  label?: string | undefined;
  key?: string | undefined;
  'overlap-hours'?: string | undefined;
  force?: boolean | undefined;
}
interface Io {
  print: (value: unknown, human: string) => void;
  fail: (message: string) => number;
  err: (line: string) => void;
}

/** `pnpm vault accounts create|list`, `keys create|list|roll|revoke`, `origins verify`; undefined when `command` is not one of them. */
export async function runKeyCommand(command: string, v: Values, positionals: string[], vault: Vault, io: Io): Promise<number | undefined> {
  switch (command) {
    case 'accounts create': {
      if (!v.name) return io.fail('accounts create needs --name <name>.');
      const r = await vault.keys.createAccount(v.name);
      if (!r.ok) return io.fail(r.message);
      io.print(r.value, `account ${r.value.id} "${r.value.name}" created`);
      return 0;
    }
    case 'accounts list': {
      const list = await vault.stores.keys.listAccounts();
      io.print(list, list.map((a) => `${a.id}  ${a.name}`).join('\n') || '(no accounts)');
      return 0;
    }
    case 'keys create': {
      if (!v.account) return io.fail('keys create needs --account <name>.');
      if (v.type !== 'publishable' && v.type !== 'secret') return io.fail('--type must be publishable or secret.');
      if (v.env !== 'test' && v.env !== 'live') return io.fail('--env must be test or live.');
      const r = await vault.keys.createKey({
        account: v.account,
        type: v.type as KeyType,
        env: v.env as KeyEnv,
        origins: v.origin ?? [],
        scopes: v.scope ?? [],
        ips: v.ip ?? [],
        label: v.label ?? '',
      });
      if (!r.ok) return io.fail(r.message);
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
      io.print(out, `${k.type} ${k.env} key ${k.id} for "${k.account}" — shown once, store it now:\n${k.key}`);
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
      io.print(
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
      if (!id) return io.fail('keys roll needs --key <key_id>.');
      const hours = Number(v['overlap-hours'] ?? '24');
      if (!(hours >= 0)) return io.fail('--overlap-hours must be a number ≥ 0.');
      const r = await vault.keys.rollKey(id, hours * 3_600_000);
      if (!r.ok) return io.fail(r.message);
      io.print(
        { ...r.value, replaces: id },
        `key ${id} rolled: it keeps working for ${hours} h. New key ${r.value.id} — shown once:\n${r.value.key}`,
      );
      return 0;
    }
    case 'keys revoke': {
      const id = v.key ?? positionals[2];
      if (!id) return io.fail('keys revoke needs --key <key_id>.');
      const r = await vault.keys.revokeKey(id);
      if (!r.ok) return io.fail(r.message);
      io.print({ id, revoked: true }, `key ${id} revoked`);
      return 0;
    }
    case 'origins verify': {
      if (!v.account || !v.origin?.[0]) return io.fail('origins verify needs --account <name> --origin <origin>.');
      const r = await vault.keys.verifyOrigin(v.account, v.origin[0], { force: v.force === true });
      if (!r.ok) return io.fail(r.message);
      const shared = r.value.alsoVerifiedBy.length
        ? `; also verified for ${r.value.alsoVerifiedBy.map((n) => `"${n}"`).join(', ')} (--force)`
        : '';
      io.print({ ...r.value, verified: true }, `${r.value.origin} verified for "${r.value.account}" (live keys may now use it)${shared}`);
      return 0;
    }
    default:
      return undefined;
  }
}
