/**
 * Every message that crosses the merchant page ⇄ frame boundary.
 *
 * Requirements (DESIGN.md, "The channel"):
 * - window-level traffic is only HELLO (frame → page) and CONNECT (page → frame, carrying a MessagePort);
 *   everything after CONNECT travels over that private port;
 * - card data (number, CVC, expiry digits, name, postal code) never appears in any frame → page type:
 *   the page learns only state (empty / complete / brand / error code) and the token reply;
 * - every message is checked by its guard (see ./guards) before use; `event.data` is `unknown` until then.
 */
import type { TokenframeErrorShape } from './errors';
import type { FieldType, FrameRole } from './field-type';
import type { StyleSpec } from './style';
import type { NS } from './version';

type Ns = typeof NS;

// ── window level ────────────────────────────────────────────────────────────────────────────
/**
 * Frame → page, posted to `window.parent` with the exact page origin the frame was served for (so a
 * frame served for another page origin never reaches this page: the browser drops its HELLO).
 * `pk` is the publishable key the frame was served with (its query): the page accepts a HELLO, first
 * or after a reload, only for the key it built the iframe with.
 */
export interface HelloMessage {
  ns: Ns;
  v: string;
  type: 'hello';
  mount: string;
  role: FrameRole;
  pk: string;
}

/** Page → frame, with exactly one transferred MessagePort. */
export interface ConnectMessage {
  ns: Ns;
  v: string;
  type: 'connect';
  mount: string;
}

export type WindowMessage = HelloMessage | ConnectMessage;

// ── over the port: page → frame ─────────────────────────────────────────────────────────────
/** Merchant-controlled presentation of one field. No card data, no URLs, no selectors. */
export interface FieldConfig {
  locale?: string; // BCP 47 tag or 'auto'
  placeholder?: string;
  ariaLabel?: string;
  disabled?: boolean;
  style?: StyleSpec;
  /** Font families from the frames origin's allowlist (by name, never a URL). */
  fonts?: string[];
  /**
   * Co-badged cards (EU IFR 2015/751, art. 8): the network selected first when a number has several,
   * e.g. `visa` or `cartes_bancaires`. The shopper can still choose another; ignored when the number's
   * networks do not include it.
   */
  preferredNetwork?: string;
}

/** Non-card extras a merchant may attach at tokenize time. */
export interface TokenizeExtra {
  name?: string;
  postal?: string;
}

interface RequestBase {
  ns: Ns;
  type: 'request';
  id: number;
}
export type PageRequest =
  | (RequestBase & { method: 'configure'; params: FieldConfig })
  | (RequestBase & { method: 'focus' })
  | (RequestBase & { method: 'blur' })
  | (RequestBase & { method: 'clear' })
  | (RequestBase & { method: 'tokenize'; params: { extra?: TokenizeExtra } });

export type RequestMethod = PageRequest['method'];

// ── over the port: frame → page ─────────────────────────────────────────────────────────────
export interface CardSummary {
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
}

/** What `fields.tokenize()` resolves to. Expected failures are values, never throws. */
export type TokenizeResult = { token: string; card: CardSummary } | { error: TokenframeErrorShape };

export interface ChangeDetail {
  field: FieldType;
  empty: boolean;
  complete: boolean;
  /** Brand id (card/cardNumber only), e.g. `visa`; `unknown` while undetectable. */
  brand?: string;
  /** Every network of a co-badged card, e.g. [`cartes_bancaires`, `visa`]. */
  networks?: string[];
  /** Co-badged numbers only (`networks` has several): the network the shopper has selected, one of `networks`. */
  network?: string;
  error?: { code: string; message: string };
}

interface EventBase {
  ns: Ns;
  type: 'event';
}
export type FrameEvent =
  | (EventBase & { name: 'ready' })
  | (EventBase & { name: 'change'; detail: ChangeDetail })
  | (EventBase & { name: 'focus' })
  | (EventBase & { name: 'blur' })
  | (EventBase & { name: 'escape' })
  | (EventBase & { name: 'submit' })
  | (EventBase & { name: 'resize'; detail: { height: number } })
  | (EventBase & { name: 'loaderror'; detail: TokenframeErrorShape });

export type FrameEventName = FrameEvent['name'];

interface ReplyBase {
  ns: Ns;
  type: 'reply';
  id: number;
}
/** `ok: false` is a protocol-level failure (bad method, not ready); tokenize failures come as `ok: true, result: {error}`. */
export type FrameReply =
  (ReplyBase & { ok: true; result: TokenizeResult | null }) | (ReplyBase & { ok: false; error: TokenframeErrorShape });

export type PageToFrame = PageRequest;
export type FrameToPage = FrameEvent | FrameReply;
