import { isFrameStatusResponse, type FrameStatusCode } from '@tokenframe/protocol';
import type { Env } from './env';
import { TokenframeError } from './tokenframe-error';

const FIX: Record<Exclude<FrameStatusCode, 'ok'>, string> = {
  unknown_key: 'the vault does not know this publishable key: check it and vaultUrl.',
  revoked_key: 'this publishable key was revoked: create a new one.',
  origin_not_allowed: "is not on the publishable key's allowed origins: add it to the key.",
};

/**
 * A frame stayed silent (no HELLO in time). Ask the vault why (DESIGN.md, "The channel" step 11) and
 * turn the answer into a loaderror that tells the developer what to fix. Failed probes (network,
 * non-2xx, a body that is not a FrameStatusResponse) are retried after 250 ms, 1 s and 3 s; if the
 * vault says `ok` (or cannot be asked), the frame itself was blocked or slow, most often by the
 * page's Content-Security-Policy.
 */
export async function diagnoseLoadFailure(env: Env, vaultUrl: string, pk: string, framesUrl: string): Promise<TokenframeError> {
  const url = `${vaultUrl}/v1/frames/status?${new URLSearchParams({ pk, origin: env.origin })}`;
  let code: FrameStatusCode | undefined;
  for (const delay of [250, 1000, 3000, 0]) {
    try {
      const response = await env.fetch(url, { credentials: 'omit', cache: 'no-store' });
      const body: unknown = response.ok && (await response.json());
      if (isFrameStatusResponse(body)) {
        code = body.code;
        break;
      }
    } catch {
      // a network failure: retried
    }
    if (delay) await new Promise<void>((resolve) => env.setTimeout(resolve, delay));
  }
  if (code === 'origin_not_allowed') return new TokenframeError(code, `this page's origin ${env.origin} ${FIX[code]}`);
  if (code && code !== 'ok') return new TokenframeError(code, FIX[code]);
  return new TokenframeError('frame_load_timeout', `the frame from ${framesUrl} did not load. Does your Content-Security-Policy allow frame-src ${framesUrl}?`);
}
