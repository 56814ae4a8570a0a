import { randomBytes } from 'node:crypto';
import { openField, sealField } from '@tokenframe/crypto/at-rest';
import { z } from 'zod';
import { checkUrl, resolveChecked } from '../outbound';
import type { ApiKeyRecord } from '../stores/records';
import type { VaultStores } from '../stores/vault-stores';
import type { WebhookEndpointRecord } from '../stores/webhooks/webhook-store';
import { EVENT_TYPES, SUBSCRIBABLE_TYPES } from './event-types';
import { vaultError, type VaultError } from './vault-error';
import type { VaultSecrets } from './vault-secrets';
import { newWebhookSecret } from './webhook-signer';
import { attemptView, endpointView, type WebhookEndpointView } from './webhook-views';

/** A rotated-out secret keeps signing this long (DESIGN.md "Webhooks"). */
export const ROTATION_OVERLAP_MS = 24 * 3_600_000;

export const CreateEndpointInput = z
  .object({
    url: z.string().min(1).max(2048),
    events: z
      .array(z.enum([...SUBSCRIBABLE_TYPES, '*']))
      .min(1)
      .max(EVENT_TYPES.length + 1),
    description: z.string().max(500).optional(),
  })
  .strict();
export type CreateEndpointInput = z.infer<typeof CreateEndpointInput>;

/** Which account and mode a caller acts for: a secret key's, or (CLI) one named by the operator. */
export interface Owner {
  accountId: string;
  livemode: boolean;
}
export const ownerOf = (key: ApiKeyRecord): Owner => ({ accountId: key.accountId, livemode: key.env === 'live' });

const NOT_FOUND = vaultError(404, 'resource_missing', 'No such webhook endpoint.', 'id');
const ID = /^we_[A-Za-z0-9_-]{1,64}$/;
const aad = (e: { accountId: string; id: string }) => ({ account: e.accountId, token: e.id, field: 'webhook_secret' });

/** Webhook endpoints (create, list, delete, rotate), their attempts, and redelivery of an event. */
export class WebhookService {
  readonly #stores: VaultStores;
  readonly #secrets: VaultSecrets;
  readonly #allowPrivate: boolean;
  readonly #now: () => number;

  constructor(o: { stores: VaultStores; secrets: VaultSecrets; allowPrivateNetwork: boolean; now: () => number }) {
    this.#stores = o.stores;
    this.#secrets = o.secrets;
    this.#allowPrivate = o.allowPrivateNetwork;
    this.#now = o.now;
  }

  /** The URL is checked by the SSRF rules of the endpoint's mode at creation, its name resolved (and again at every delivery). */
  async create(owner: Owner, raw: unknown): Promise<(WebhookEndpointView & { secret: string }) | VaultError> {
    const parsed = CreateEndpointInput.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return vaultError(
        400,
        'malformed_request',
        `${issue.path.join('.') || 'body'}: ${issue.message}. Send {url, events: [${SUBSCRIBABLE_TYPES.join(', ')} or *], description?}.`,
        String(issue.path[0] ?? ''),
      );
    }
    const input = parsed.data;
    const policy = { mode: owner.livemode ? 'live' : 'test', allowPrivate: this.#allowPrivate } as const;
    const checked = checkUrl(input.url, policy);
    if (!checked.ok) return vaultError(400, 'malformed_request', `The endpoint URL is refused: ${checked.reason}.`, 'url');
    // A name that resolves to a refused address now is refused now; one that does not resolve yet is
    // accepted (its deliveries are checked again, address by address, when they are sent).
    const resolved = await resolveChecked(checked.hostname, policy);
    if (!resolved.ok && !resolved.unresolved)
      return vaultError(400, 'malformed_request', `The endpoint URL is refused: ${resolved.reason}.`, 'url');
    const id = `we_${randomBytes(12).toString('base64url')}`;
    const secret = newWebhookSecret();
    const record: WebhookEndpointRecord = {
      id,
      accountId: owner.accountId,
      livemode: owner.livemode,
      url: checked.url.href,
      events: [...new Set(input.events)],
      description: input.description ?? null,
      secretEnc: sealField(this.#secrets.dataKek, secret, aad({ accountId: owner.accountId, id })),
      previousSecretEnc: null,
      previousSecretExpiresAt: null,
      disabledAt: null,
      disabledReason: null,
      failingSince: null,
      createdAt: this.#now(),
    };
    await this.#stores.webhooks.insertEndpoint(record);
    return { ...endpointView(record), secret };
  }

  async #own(owner: Owner, id: string): Promise<WebhookEndpointRecord | undefined> {
    const e = ID.test(id) ? await this.#stores.webhooks.findEndpoint(id) : undefined;
    return e && e.accountId === owner.accountId && e.livemode === owner.livemode ? e : undefined;
  }

  async list(owner: Owner): Promise<WebhookEndpointView[]> {
    return (await this.#stores.webhooks.listEndpoints(owner.accountId, owner.livemode)).map(endpointView);
  }

  async retrieve(owner: Owner, id: string): Promise<WebhookEndpointView | VaultError> {
    const e = await this.#own(owner, id);
    return e ? endpointView(e) : NOT_FOUND;
  }

  async remove(owner: Owner, id: string): Promise<{ id: string; deleted: true } | VaultError> {
    if (!(await this.#own(owner, id))) return NOT_FOUND;
    return (await this.#stores.webhooks.deleteEndpoint(id)) ? { id, deleted: true } : NOT_FOUND;
  }

  /** A new secret, shown once; the previous one keeps signing for 24 h. */
  async rotateSecret(
    owner: Owner,
    id: string,
  ): Promise<(WebhookEndpointView & { secret: string; previousSecretExpiresAt: number }) | VaultError> {
    const e = await this.#own(owner, id);
    if (!e) return NOT_FOUND;
    const secret = newWebhookSecret();
    const previousSecretExpiresAt = this.#now() + ROTATION_OVERLAP_MS;
    const rotated = await this.#stores.webhooks.rotateSecret(id, sealField(this.#secrets.dataKek, secret, aad(e)), previousSecretExpiresAt);
    return rotated ? { ...endpointView(rotated), secret, previousSecretExpiresAt } : NOT_FOUND;
  }

  async attempts(owner: Owner, id: string, limit: number): Promise<{ data: ReturnType<typeof attemptView>[] } | VaultError> {
    if (!(await this.#own(owner, id))) return NOT_FOUND;
    return { data: (await this.#stores.webhooks.listAttempts(id, limit)).map(attemptView) };
  }

  /** Sends the event again, as a new delivery (same webhook-id), to every enabled endpoint subscribed to it now. */
  async redeliver(owner: Owner, eventId: string): Promise<{ id: string; deliveries: number } | VaultError> {
    const event = /^evt_[A-Za-z0-9_-]{1,64}$/.test(eventId) ? await this.#stores.events.find(eventId) : undefined;
    if (!event || event.accountId !== owner.accountId || event.livemode !== owner.livemode)
      return vaultError(404, 'resource_missing', 'No such event.', 'id');
    const deliveries = await this.#stores.webhooks.enqueue(event, this.#now());
    return { id: eventId, deliveries };
  }

  /** The secrets that sign now: the current one, and the previous one until its overlap ends. */
  signingSecrets(e: WebhookEndpointRecord, now: number): string[] {
    const current = openField(this.#secrets.kekFor, e.secretEnc, aad(e));
    const previous =
      e.previousSecretEnc !== null && (e.previousSecretExpiresAt ?? 0) > now
        ? openField(this.#secrets.kekFor, e.previousSecretEnc, aad(e))
        : undefined;
    return previous === undefined ? [current] : [current, previous];
  }
}
