import type { Vault } from '../server/build-vault';

export const CONNECTIONS_USAGE = `  connections create --account <name> --env test|live --kind cardpointe --url <base>
              --merchid <id> --username <u> --password <p>   (credentials sealed, never shown again)
  connections list [--account <name>]
  connections delete --id <conn_id>`;

export const CONNECTIONS_OPTIONS = {
  kind: { type: 'string' },
  url: { type: 'string' },
  merchid: { type: 'string' },
  username: { type: 'string' },
  password: { type: 'string' },
  id: { type: 'string' },
} as const;

type Values = Partial<Record<'account' | 'env' | 'kind' | 'url' | 'merchid' | 'username' | 'password' | 'id', string>>;
interface Io {
  print: (value: unknown, human: string) => void;
  fail: (message: string) => number;
}

/** `pnpm vault connections create|list|delete`; undefined when `command` is not one of them. */
export async function runConnectionsCommand(
  command: string,
  v: Values,
  positionals: string[],
  vault: Vault,
  io: Io,
): Promise<number | undefined> {
  switch (command) {
    case 'connections create': {
      const missing = (['account', 'env', 'kind', 'url', 'merchid', 'username', 'password'] as const).filter((k) => !v[k]);
      if (missing.length) return io.fail(`connections create needs ${missing.map((k) => `--${k}`).join(', ')}.`);
      const r = await vault.connections.create({
        account: v.account!,
        env: v.env as 'test' | 'live',
        kind: v.kind!,
        url: v.url!,
        merchid: v.merchid!,
        username: v.username!,
        password: v.password!,
      });
      if (!r.ok) return io.fail(r.message);
      io.print(
        r.value,
        `${r.value.env} connection ${r.value.id} (${r.value.kind}) to ${r.value.url} created; its credentials are sealed and will not be shown again`,
      );
      return 0;
    }
    case 'connections list': {
      const r = await vault.connections.list(v.account);
      if (!r.ok) return io.fail(r.message);
      io.print(
        r.value,
        r.value.map((c) => `${c.id}  ${c.account}  ${c.env}  ${c.kind}  ${c.url}  merchid ${c.merchid}`).join('\n') || '(no connections)',
      );
      return 0;
    }
    case 'connections delete': {
      const id = v.id ?? positionals[2];
      if (!id) return io.fail('connections delete needs --id <conn_id>.');
      const r = await vault.connections.delete(id);
      if (!r.ok) return io.fail(r.message);
      io.print(r.value, `connection ${id} deleted`);
      return 0;
    }
    default:
      return undefined;
  }
}
