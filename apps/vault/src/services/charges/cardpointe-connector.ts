import { OutboundError, safeRequest } from '../../outbound';
import type { ConnectionRecord } from '../../stores/records';
import type { Credentials } from './connection-service';
import { ProcessorFailure } from './processor-failure';

export type GatewayAnswer = Record<string, string>;
export interface ConnectorOptions {
  timeoutMs: number;
  allowPrivate: boolean;
  maxResponseBytes?: number;
}
/**
 * What an authorization sends besides the card (the caller opens the card just before). A co-badged
 * card's chosen network (EU IFR art. 8) is `routingNetwork(token)` (services/routing-network.ts): not
 * sent yet, as the CardPointe dialect in ../shared/reference names no field for it.
 */
export interface AuthRequest {
  orderid: string;
  amount: string;
  currency: string;
  capture: boolean;
  card: { number: string; expiry: string; cvc?: string | undefined; name?: string | undefined; postal?: string | undefined };
}

/** `https://site/cardconnect/rest` whether the operator gave the site or the REST base. */
export function restBase(url: string): string {
  return /\/cardconnect\/rest$/.test(url) ? url : `${url}/cardconnect/rest`;
}

/**
 * The CardPointe Gateway REST dialect (../shared/reference/cardpointe-gateway.md): every value a
 * string, HTTP Basic, `merchid` in every body or GET path. Only through outbound/safeRequest (SSRF
 * rules, no redirect, one deadline). Never retries: whether a call may be repeated is the caller's
 * decision (an authorization never is). Answers are returned as they came; the card travels only
 * in the request body built here and is never logged or returned.
 */
export class CardPointeConnector {
  readonly #o: ConnectorOptions;

  constructor(o: ConnectorOptions) {
    this.#o = o;
  }

  auth(c: ConnectionRecord, creds: Credentials, r: AuthRequest): Promise<GatewayAnswer> {
    const body: Record<string, string> = {
      merchid: c.merchid,
      account: r.card.number,
      expiry: r.card.expiry,
      amount: r.amount,
      currency: r.currency,
      orderid: r.orderid,
      ecomind: 'E',
      capture: r.capture ? 'Y' : 'N',
      ...(r.card.cvc ? { cvv2: r.card.cvc } : {}),
      ...(r.card.name ? { name: r.card.name } : {}),
      ...(r.card.postal ? { postal: r.card.postal } : {}),
    };
    return this.#object(c, creds, 'PUT', 'auth', body);
  }
  capture(c: ConnectionRecord, creds: Credentials, retref: string, amount?: string): Promise<GatewayAnswer> {
    return this.#object(c, creds, 'PUT', 'capture', { merchid: c.merchid, retref, ...(amount ? { amount } : {}) });
  }
  void(c: ConnectionRecord, creds: Credentials, retref: string): Promise<GatewayAnswer> {
    return this.#object(c, creds, 'PUT', 'void', { merchid: c.merchid, retref });
  }
  refund(c: ConnectionRecord, creds: Credentials, retref: string, amount?: string): Promise<GatewayAnswer> {
    return this.#object(c, creds, 'PUT', 'refund', { merchid: c.merchid, retref, ...(amount ? { amount } : {}) });
  }
  inquire(c: ConnectionRecord, creds: Credentials, retref: string): Promise<GatewayAnswer> {
    return this.#object(c, creds, 'GET', `inquire/${encodeURIComponent(retref)}/${c.merchid}`);
  }
  /** Every transaction of the order, oldest first (`/1`: the array form). */
  async inquireByOrderid(c: ConnectionRecord, creds: Credentials, orderid: string): Promise<GatewayAnswer[]> {
    const json = await this.#json(c, creds, 'GET', `inquireByOrderid/${encodeURIComponent(orderid)}/${c.merchid}/1`);
    if (Array.isArray(json)) return json.filter(isAnswer);
    if (isAnswer(json)) return json.respcode === '29' && !json.retref ? [] : [json];
    throw new ProcessorFailure('garbled', true, 'inquireByOrderid did not answer a list of transactions.');
  }
  voidByOrderId(c: ConnectionRecord, creds: Credentials, orderid: string): Promise<GatewayAnswer> {
    return this.#object(c, creds, 'PUT', 'voidByOrderId', { merchid: c.merchid, orderid });
  }

  /** Any call of the dialect (the proxy): status and raw body, 5xx and 4xx included. */
  async raw(c: ConnectionRecord, creds: Credentials, method: string, path: string, body: string | undefined, livemode = c.livemode) {
    try {
      return await safeRequest({
        url: `${c.url}${path}`,
        method,
        livemode,
        allowPrivate: this.#o.allowPrivate,
        timeoutMs: this.#o.timeoutMs,
        maxResponseBytes: this.#o.maxResponseBytes ?? 256 * 1024,
        headers: {
          Authorization: basic(creds),
          Accept: 'application/json',
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body } : {}),
      });
    } catch (e) {
      if (e instanceof OutboundError) {
        const kind = e.kind === 'too_large' ? 'garbled' : e.kind;
        throw new ProcessorFailure(kind, e.sent, e.message);
      }
      throw e;
    }
  }

  async #object(
    c: ConnectionRecord,
    creds: Credentials,
    method: string,
    endpoint: string,
    body?: Record<string, string>,
  ): Promise<GatewayAnswer> {
    const json = await this.#json(c, creds, method, endpoint, body);
    if (!isAnswer(json)) throw new ProcessorFailure('garbled', true, `${endpoint.split('/')[0]} did not answer a JSON object of strings.`);
    return json;
  }

  async #json(c: ConnectionRecord, creds: Credentials, method: string, endpoint: string, body?: Record<string, string>): Promise<unknown> {
    const base = restBase(c.url).slice(c.url.length);
    const res = await this.raw(c, creds, method, `${base}/${endpoint}`, body === undefined ? undefined : JSON.stringify(body));
    const name = endpoint.split('/')[0];
    if (res.status >= 500) throw new ProcessorFailure('server', true, `The processor answered HTTP ${res.status} to ${name}.`, res.status);
    if (res.status !== 200)
      throw new ProcessorFailure(
        'rejected',
        true,
        `The processor refused ${name} with HTTP ${res.status}${res.status === 401 ? " (check the connection's credentials)" : ''}.`,
        res.status,
      );
    try {
      return JSON.parse(res.body.toString('utf8')) as unknown;
    } catch {
      throw new ProcessorFailure('garbled', true, `The processor's answer to ${name} is not JSON.`);
    }
  }
}

const basic = (c: Credentials) => `Basic ${Buffer.from(`${c.username}:${c.password}`, 'utf8').toString('base64')}`;
const isAnswer = (x: unknown): x is GatewayAnswer =>
  typeof x === 'object' &&
  x !== null &&
  !Array.isArray(x) &&
  Object.values(x).every((v) => typeof v === 'string' || typeof v === 'number' || v === null);
