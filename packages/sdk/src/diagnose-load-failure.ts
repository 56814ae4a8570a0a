import { FRAME_STATUS_CODES, type FrameStatusCode } from '@tokenframe/protocol';
import type { Env } from './env';
import { TokenframeError } from './tokenframe-error';

const RETRY_DELAYS_MS = [250, 1000, 3000];

const FIX: Record<Exclude<FrameStatusCode, 'ok'>, (origin: string) => string> = {
  unknown_key: () => 'the vault does not know this publishable key. Check the key and vaultUrl.',
  revoked_key: () => 'this publishable key was revoked. Create a new one.',
  origin_not_allowed: (origin) => `this page's origin ${origin} is not on the publishable key's allowed origins. Add it to the key.`,
};

/** One probe of `GET /v1/frames/status`; `undefined` means a transient failure worth retrying. */
async function probe(env: Env, url: string): Promise<FrameStatusCode | undefined> {
  try {
    const response = await env.fetch(url, { credentials: 'omit', cache: 'no-store' });
    if (!response.ok) return undefined;
    const body: unknown = await response.json();
    const code = (body as { code?: unknown } | null)?.code;
    return (FRAME_STATUS_CODES as readonly unknown[]).includes(code) ? (code as FrameStatusCode) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A frame stayed silent (no HELLO in time). Ask the vault why (DESIGN.md, "The channel" step 11) and
 * turn the answer into a loaderror that tells the developer what to fix. Network failures of the
 * probe are retried with backoff; if the vault says `ok` (or cannot be asked), the frame itself was
 * blocked or slow, most often by the page's Content-Security-Policy.
 */
export async function diagnoseLoadFailure(env: Env, vaultUrl: string, pk: string, framesUrl: string): Promise<TokenframeError> {
  const url = `${vaultUrl}/v1/frames/status?${new URLSearchParams({ pk, origin: env.origin })}`;
  let code: FrameStatusCode | undefined;
  for (let attempt = 0; code === undefined; attempt++) {
    code = await probe(env, url);
    const delay = RETRY_DELAYS_MS[attempt];
    if (code !== undefined || delay === undefined) break;
    await new Promise<void>((resolve) => env.setTimeout(resolve, delay));
  }
  if (code && code !== 'ok') return new TokenframeError(code, FIX[code](env.origin));
  return new TokenframeError(
    'frame_load_timeout',
    `the frame from ${framesUrl} did not load in time. Does your Content-Security-Policy allow frame-src ${framesUrl}?`,
  );
}
