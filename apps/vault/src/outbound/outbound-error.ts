/**
 * Why an outbound request gave no HTTP answer. `refused`: the vault would not send it (SSRF rules,
 * scheme, URL), so nothing left this process. `unreachable`: DNS or TCP connect failed, so the
 * request never reached the peer either. The others happen after the connection was open and the
 * request may have been received: `timeout`, `reset` (connection closed without a whole answer),
 * `too_large` (answer over the cap). `sent` says which side of that line the failure is on; the
 * charge connector never retries an authorization whose request may have been received.
 */
export type OutboundErrorKind = 'refused' | 'unreachable' | 'timeout' | 'reset' | 'too_large';

export class OutboundError extends Error {
  readonly kind: OutboundErrorKind;
  /** Whether request bytes may have reached the peer (a connection was open). */
  readonly sent: boolean;

  constructor(kind: OutboundErrorKind, message: string, sent: boolean) {
    super(message);
    this.name = 'OutboundError';
    this.kind = kind;
    this.sent = sent;
  }
}

export function isOutboundError(e: unknown): e is OutboundError {
  return e instanceof OutboundError;
}
