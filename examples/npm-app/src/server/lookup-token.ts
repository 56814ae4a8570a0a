// The merchant's server with @tokenframe/node, as installed from its tarball: type-checked with
// moduleResolution bundler and node16 by scripts/check-packages.mjs, and run by lookup-tokens.mjs
// (the same calls, in plain JavaScript) against the test vault.
import { Tokenframe, TokenframeApiError, verifyWebhook, WebhookVerificationError, type Token, type WebhookHeaders } from '@tokenframe/node';

export async function lookupToken(tf: Tokenframe, id: string): Promise<Token['card'] | { code: string }> {
  try {
    const token = await tf.tokens.retrieve(id);
    return token.card;
  } catch (e) {
    if (e instanceof TokenframeApiError) return { code: e.code };
    throw e;
  }
}

export function readWebhook(rawBody: Uint8Array, headers: WebhookHeaders, secret: string): string {
  try {
    return verifyWebhook(rawBody, headers, secret).type;
  } catch (e) {
    if (e instanceof WebhookVerificationError) return `refused: ${e.reason}`;
    throw e;
  }
}

export const client = (secretKey: string, vaultUrl: string): Tokenframe => new Tokenframe(secretKey, { vaultUrl, maxRetries: 0 });
