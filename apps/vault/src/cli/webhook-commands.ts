import type { Vault } from '../server/build-vault';
import { isVaultError, type VaultError } from '../services/vault-error';
import type { Owner } from '../services/webhook-service';

export const WEBHOOK_USAGE = `  webhooks create --account <name> --env test|live --url <url> --event <type>… [--description <text>]
  webhooks list --account <name> --env test|live
  webhooks delete --account <name> --env test|live --id <we_…>
  webhooks rotate --account <name> --env test|live --id <we_…>   (the old secret signs for 24 h more)`;

export interface WebhookArgs {
  account?: string | undefined;
  env?: string | undefined;
  url?: string | undefined;
  event?: string[] | undefined;
  description?: string | undefined;
  id?: string | undefined;
}

/** `pnpm vault webhooks create|list|delete|rotate`: the API's operations for an operator-named account and mode. */
export async function webhookCommand(
  vault: Vault,
  sub: string,
  v: WebhookArgs,
  print: (value: unknown, human: string) => void,
  fail: (message: string) => number,
): Promise<number> {
  if (!v.account) return fail(`webhooks ${sub} needs --account <name>.`);
  if (v.env !== 'test' && v.env !== 'live') return fail('--env must be test or live.');
  const account = await vault.keys.account(v.account);
  if (!account) return fail(`No account "${v.account}".`);
  const owner: Owner = { accountId: account.id, livemode: v.env === 'live' };
  const done = <T>(r: T | VaultError, human: (x: T) => string) => {
    if (isVaultError(r)) return fail(r.message);
    print(r, human(r));
    return 0;
  };
  switch (sub) {
    case 'create': {
      if (!v.url || !v.event?.length) return fail('webhooks create needs --url <url> and at least one --event <type> (or --event "*").');
      const input = { url: v.url, events: v.event, ...(v.description ? { description: v.description } : {}) };
      return done(
        await vault.webhooks.create(owner, input),
        (e) => `endpoint ${e.id} → ${e.url} (${e.events.join(', ')}); secret — shown once, store it now:\n${e.secret}`,
      );
    }
    case 'list': {
      const list = await vault.webhooks.list(owner);
      print(
        list,
        list
          .map((e) => `${e.id}  ${e.status}  ${e.url}  ${e.events.join(',')}${e.disabledReason ? `  (${e.disabledReason})` : ''}`)
          .join('\n') || '(no webhook endpoints)',
      );
      return 0;
    }
    case 'delete':
      if (!v.id) return fail('webhooks delete needs --id <we_…>.');
      return done(await vault.webhooks.remove(owner, v.id), (r) => `endpoint ${r.id} deleted`);
    case 'rotate':
      if (!v.id) return fail('webhooks rotate needs --id <we_…>.');
      return done(
        await vault.webhooks.rotateSecret(owner, v.id),
        (e) =>
          `endpoint ${e.id}: new secret — shown once; the old one signs until ${new Date(e.previousSecretExpiresAt).toISOString()}:\n${e.secret}`,
      );
    default:
      return fail(`Unknown command "webhooks ${sub}".`);
  }
}
