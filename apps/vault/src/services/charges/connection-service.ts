import { openField, sealField, type FieldAad } from '@tokenframe/crypto/at-rest';
import { randomId } from '../../auth/api-key';
import { checkUrl } from '../../outbound';
import type { ApiKeyRecord, ConnectionRecord, KeyEnv } from '../../stores/records';
import type { VaultStores } from '../../stores/vault-stores';
import type { KeyService, Result } from '../key-service';
import { vaultError, type VaultError } from '../vault-error';
import type { VaultSecrets } from '../vault-secrets';

export interface CreateConnectionInput {
  /** Account name or id. */
  account: string;
  env: KeyEnv;
  kind: string;
  url: string;
  merchid: string;
  username: string;
  password: string;
}
/** What the operator sees: never the credentials. */
export interface ConnectionView {
  id: string;
  kind: 'cardpointe';
  env: KeyEnv;
  url: string;
}
export interface ConnectionListing extends ConnectionView {
  account: string;
  merchid: string;
  createdAt: number;
}
export interface Credentials {
  username: string;
  password: string;
}

const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });
const credentialsAad = (c: { accountId: string; id: string }): FieldAad => ({ account: c.accountId, token: c.id, field: 'credentials' });
const view = (c: ConnectionRecord): ConnectionView => ({ id: c.id, kind: c.kind, env: c.livemode ? 'live' : 'test', url: c.url });
const NO_CONNECTION = vaultError(404, 'resource_missing', 'No such connection.', 'connection');

/**
 * Processor connections (DESIGN.md "Spending a token"): created by the operator only (CLI or the
 * builder's vault object, never an API key), credentials sealed under the master key at once and
 * opened only to call the processor. A live connection needs https:// and a DNS name; loopback and
 * private addresses are for test connections while TOKENFRAME_ALLOW_PRIVATE_NETWORK=1.
 */
export class ConnectionService {
  readonly #o: { stores: VaultStores; keys: KeyService; secrets: VaultSecrets; allowPrivate: boolean; now: () => number };

  constructor(o: { stores: VaultStores; keys: KeyService; secrets: VaultSecrets; allowPrivate: boolean; now: () => number }) {
    this.#o = o;
  }

  async create(input: CreateConnectionInput): Promise<Result<ConnectionView>> {
    const account = await this.#o.keys.account(input.account);
    if (!account) return fail(`No account "${input.account}". Create it first: pnpm vault accounts create --name <name>.`);
    if (input.env !== 'test' && input.env !== 'live') return fail('--env must be test or live.');
    if (input.kind !== 'cardpointe') return fail('--kind must be cardpointe (the only processor dialect the vault speaks).');
    const url = input.url.replace(/\/+$/, '');
    const checked = checkUrl(url, { mode: input.env, allowPrivate: this.#o.allowPrivate });
    if (!checked.ok) {
      const hint =
        input.env === 'test' && !this.#o.allowPrivate
          ? ' (loopback and private addresses need TOKENFRAME_ALLOW_PRIVATE_NETWORK=1, test mode only)'
          : '';
      return fail(`--url refused: ${checked.reason}${hint}.`);
    }
    if (checked.url.search || checked.url.hash)
      return fail('--url must not have a query or fragment: give the base URL, e.g. https://site.cardconnect.com.');
    if (!/^[A-Za-z0-9]{1,32}$/.test(input.merchid)) return fail('--merchid must be 1–32 letters or digits (the processor merchant id).');
    if (!/^[\x21-\x39\x3b-\x7e]{1,200}$/.test(input.username))
      return fail('--username must be 1–200 printable characters without ":" or spaces.');
    if (!/^[\x20-\x7e]{1,200}$/.test(input.password)) return fail('--password must be 1–200 printable ASCII characters.');
    const id = randomId('conn', 12);
    const record: ConnectionRecord = {
      id,
      accountId: account.id,
      livemode: input.env === 'live',
      kind: 'cardpointe',
      url,
      merchid: input.merchid,
      credentialsEnc: sealField(
        this.#o.secrets.dataKek,
        JSON.stringify({ username: input.username, password: input.password }),
        credentialsAad({ accountId: account.id, id }),
      ),
      createdAt: this.#o.now(),
    };
    await this.#o.stores.connections.insert(record);
    return { ok: true, value: view(record) };
  }

  async list(accountName?: string): Promise<Result<ConnectionListing[]>> {
    const account = accountName === undefined ? undefined : await this.#o.keys.account(accountName);
    if (accountName !== undefined && !account) return fail(`No account "${accountName}".`);
    const names = new Map((await this.#o.stores.keys.listAccounts()).map((a) => [a.id, a.name]));
    const rows = await this.#o.stores.connections.list(account?.id);
    return {
      ok: true,
      value: rows.map((c) => ({ ...view(c), account: names.get(c.accountId) ?? c.accountId, merchid: c.merchid, createdAt: c.createdAt })),
    };
  }

  async delete(id: string): Promise<Result<{ id: string; deleted: true }>> {
    return (await this.#o.stores.connections.delete(id)) ? { ok: true, value: { id, deleted: true } } : fail(`No connection ${id}.`);
  }

  /**
   * The connection a key may use: the named one if it is the key's account and mode (anything else
   * is answered like no connection), else the account's only connection for the key's mode.
   */
  async forKey(key: ApiKeyRecord, id: string | undefined): Promise<ConnectionRecord | VaultError> {
    const livemode = key.env === 'live';
    if (id !== undefined) {
      const c = /^conn_[A-Za-z0-9_-]{1,64}$/.test(id) ? await this.#o.stores.connections.find(id) : undefined;
      return c && c.accountId === key.accountId && c.livemode === livemode ? c : NO_CONNECTION;
    }
    const all = await this.#o.stores.connections.list(key.accountId, livemode);
    if (all.length === 1) return all[0]!;
    return all.length === 0
      ? vaultError(
          400,
          'connection_missing',
          `This account has no ${key.env}-mode processor connection. The operator creates one: pnpm vault connections create --account <name> --env ${key.env} --kind cardpointe --url <base> --merchid <id> --username <u> --password <p>.`,
          'connection',
        )
      : vaultError(
          400,
          'connection_missing',
          `This account has ${all.length} ${key.env}-mode connections: name one with "connection": "conn_…".`,
          'connection',
        );
  }

  /** Opens a connection's credentials, for the one request about to be sent. */
  credentials(c: ConnectionRecord): Credentials {
    return JSON.parse(openField(this.#o.secrets.kekFor, c.credentialsEnc, credentialsAad(c))) as Credentials;
  }
}
