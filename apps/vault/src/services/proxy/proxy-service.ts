import { openField } from '@tokenframe/crypto/at-rest';
import type { ApiKeyRecord, TokenRecord } from '../../stores/records';
import { visibleToken, type ChargeDeps } from '../charges/charge-context';
import { ProcessorFailure } from '../charges/processor-failure';
import { vaultError, type VaultError } from '../vault-error';
import { maskCardNumbers } from '../../log/mask-card-numbers';
import { formatExpiry, parseBody, substitute, type Expression, type Place } from './proxy-expressions';

export interface ProxyRequest {
  key: ApiKeyRecord;
  connection: string;
  /** What follows /v1/proxy/:connection (leading slash included), query string included. */
  path: string;
  method: 'POST' | 'PUT';
  body: unknown;
}
export interface ProxyAnswer {
  status: number;
  contentType: string;
  body: string;
}

const PATH = /^(\/[A-Za-z0-9._~-]+)+\/?(\?[A-Za-z0-9._~=&%+-]*)?$/;
const bad = (place: Place, reason: string) =>
  vaultError(
    400,
    'invalid_proxy_expression',
    `Invalid expression at ${place.path}, character ${place.offset}: ${reason}. Nothing was sent.`,
    place.path,
  );

/**
 * The token proxy: the merchant's JSON body with card fields of its own tokens substituted, sent to
 * its connection's base URL with the connection's credentials, under the same SSRF and timeout rules
 * as charges; the answer comes back with card numbers masked. A CVC is used once, then deleted.
 */
export class ProxyService {
  readonly #d: ChargeDeps;

  constructor(d: ChargeDeps) {
    this.#d = d;
  }

  async send(r: ProxyRequest): Promise<ProxyAnswer | VaultError> {
    const d = this.#d;
    if (!PATH.test(r.path) || /\/\.\.?(\/|$|\?)/.test(r.path)) {
      return vaultError(
        400,
        'malformed_request',
        'The proxied path must be plain segments (letters, digits, . _ ~ -), no "..", e.g. /v1/proxy/conn_…/cardconnect/rest/auth.',
        'path',
      );
    }
    const conn = await d.connections.forKey(r.key, r.connection);
    if (conn instanceof Error) return conn;
    const parsed = parseBody(r.body);
    if (!parsed.ok) return bad(parsed.place, parsed.reason);
    const now = d.now();
    const cards = new Map<string, { t: TokenRecord; cvc?: string | undefined }>();
    for (const [id] of parsed.tokens) {
      const t = await visibleToken(d.stores, r.key, id, now);
      if (!t) return bad(firstPlace(r.body, id), `unknown token ${id}`);
      cards.set(id, { t });
    }
    // Every check before the first CVC is taken: a refused request must not cost the shopper's CVC.
    for (const [id, filters] of parsed.tokens) {
      const t = cards.get(id)!.t;
      if (filters.has('cvc') && !(t.cvcEnc !== null && (t.cvcExpiresAt ?? 0) > now))
        return bad(
          firstPlace(r.body, id),
          `token ${id} has no CVC any more (a CVC is used once and kept ${Math.round(d.cvc.ttlMs / 60000)} minutes)`,
        );
    }
    for (const [id, filters] of parsed.tokens) if (filters.has('cvc')) cards.get(id)!.cvc = await this.#takeCvc(cards.get(id)!.t, now);
    const cvcs = [...cards.values()].map((c) => c.cvc).filter((x): x is string => x !== undefined);
    const value = (e: Expression): string => {
      const { t, cvc } = cards.get(e.token)!;
      const open = (field: string, env: string | null) =>
        env === null ? '' : openField(d.secrets.kekFor, env, { account: t.accountId, token: t.id, field });
      switch (e.filter) {
        case 'pan':
          return open('pan', t.panEnc);
        case 'expiry':
          return formatExpiry(t.expMonth, t.expYear, e.format);
        case 'cvc':
          return cvc ?? '';
        case 'name':
          return open('name', t.nameEnc);
        case 'postal':
          return open('postal', t.postalEnc);
      }
    };
    let res;
    try {
      res = await d.connector.raw(conn, d.connections.credentials(conn), r.method, r.path, JSON.stringify(substitute(r.body, value)));
    } catch (e) {
      if (!(e instanceof ProcessorFailure)) throw e;
      d.logger.warn({ connection: conn.id, kind: e.kind, sent: e.sent }, 'proxy request got no answer');
      return e.kind === 'timeout'
        ? vaultError(
            504,
            'processor_timeout',
            `The processor did not answer within the vault's timeout${e.sent ? '; it may have acted on the request' : ''}.`,
          )
        : vaultError(
            502,
            'processor_error',
            `The processor could not be reached or broke the connection (${e.kind})${e.sent ? '; it may have acted on the request' : ''}.`,
          );
    }
    const type = res.headers['content-type'] ?? 'application/octet-stream';
    return {
      status: res.status,
      contentType: /json|text/.test(type) ? type : 'text/plain; charset=utf-8',
      body: maskCardNumbers(res.body.toString('utf8'), cvcs),
    };
  }

  /** The CVC taken (deleted) in one transaction, opened after it, as reveal and charges do. */
  async #takeCvc(t: TokenRecord, now: number): Promise<string | undefined> {
    const d = this.#d;
    const live = (x: TokenRecord) => (x.cvcEnc !== null && (x.cvcExpiresAt ?? 0) > now ? x.cvcEnc : undefined);
    const env = live(t);
    if (!env) return undefined;
    const k = await d.cvc.keyFor(env, now);
    try {
      const taken = await d.stores.transaction((tx) => tx.tokens.takeCvc(t.id));
      return taken ? d.cvc.open(k, live(taken), { account: t.accountId, token: t.id, field: 'cvc' }) : undefined;
    } finally {
      k.key?.fill(0);
    }
  }
}

function firstPlace(body: unknown, token: string): Place {
  const walk = (v: unknown, path: string): Place | undefined => {
    if (typeof v === 'string') {
      const i = v.search(new RegExp(`\\{\\{\\s*${token}\\b`));
      return i === -1 ? undefined : { path, offset: i };
    }
    const entries = Array.isArray(v)
      ? v.map((x, i) => [`[${i}]`, x] as const)
      : typeof v === 'object' && v !== null
        ? Object.entries(v).map(([k, x]) => [`.${k}`, x] as const)
        : [];
    for (const [k, x] of entries) {
      const p = walk(x, `${path}${k}`);
      if (p) return p;
    }
    return undefined;
  };
  return walk(body, 'body') ?? { path: 'body', offset: 0 };
}
