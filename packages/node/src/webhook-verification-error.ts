export type WebhookVerificationReason =
  'missing_header' | 'invalid_timestamp' | 'timestamp_too_old' | 'timestamp_in_future' | 'no_matching_signature' | 'invalid_payload';

/**
 * The request did not prove it came from the vault: answer it with 400 and do not act on it.
 * `reason` says which check failed; the message never contains the body or the secret.
 */
export class WebhookVerificationError extends Error {
  override name = 'WebhookVerificationError';
  readonly reason: WebhookVerificationReason;
  constructor(reason: WebhookVerificationReason, message: string) {
    super(message);
    this.reason = reason;
  }
}
