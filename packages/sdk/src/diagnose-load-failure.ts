import { isFrameStatusResponse, PROTOCOL_VERSION } from '@tokenframe/protocol';
import type { Env } from './env';
import { TokenframeError } from './tokenframe-error';

/**
 * A frame stayed silent (no HELLO in time). Ask the vault why (DESIGN.md, "The channel" step 11): its
 * answer carries the code and a message that tells the developer what to fix (the vault writes the
 * text, so the page does not ship it). Failed probes (network, non-2xx, a body that is not a
 * FrameStatusResponse) are retried after 250 ms, 1 s and 3 s. If the vault says `ok`, the frame itself
 * was blocked or slow, most often by the page's Content-Security-Policy; the vault says that too.
 */
export async function diagnoseLoadFailure(env: Env, vaultUrl: string, pk: string, framesUrl: string): Promise<TokenframeError> {
  // `v` asks for the `message` (a vault that predates it answers only the code).
  const url = `${vaultUrl}/v1/frames/status?${new URLSearchParams({ pk, origin: env.origin, v: PROTOCOL_VERSION })}`;
  for (const delay of [250, 1000, 3000, 0]) {
    try {
      const response = await env.fetch(url, { credentials: 'omit', cache: 'no-store' });
      const body: unknown = response.ok && (await response.json());
      if (isFrameStatusResponse(body))
        return new TokenframeError(
          body.code === 'ok' ? 'frame_load_timeout' : body.code,
          body.message ?? `the vault says ${body.code}; upgrade it to learn what to fix.`,
        );
    } catch {
      // a network failure: retried
    }
    if (delay) await new Promise<void>((resolve) => env.setTimeout(resolve, delay));
  }
  return new TokenframeError(
    'frame_load_timeout',
    `the frame from ${framesUrl} did not load, and ${vaultUrl} could not be asked why: does the page's CSP allow frame-src ${framesUrl} and connect-src ${vaultUrl}?`,
  );
}
