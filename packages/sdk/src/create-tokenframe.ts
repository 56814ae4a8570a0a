import { checkOriginUrl, checkPublishableKey } from './check-options';
import { captureEnv } from './env';
import { Fields, type FieldsOptions } from './fields';
import type { FrameConnector } from './frame-connection';
import type { FrameContext } from './open-frame';
import { misuse, TokenframeError } from './tokenframe-error';

/** A loaded Tokenframe instance (`Tokenframe.load()` / `loadTokenframe()`). */
export interface Tokenframe {
  /** A new, independent group of fields that tokenize together. */
  fields(options?: FieldsOptions): Fields;
}

export interface LoadOptions {
  /** Origin of the vault API, e.g. `https://vault.example.com`. */
  vaultUrl: string;
  /** Origin that serves the frames, e.g. `https://frames.example.com`. */
  framesUrl: string;
  /** How long a frame may take to say HELLO before the SDK asks the vault why (default 15 s). */
  loadTimeoutMs?: number;
}

/**
 * Checks the arguments (misuse throws at once, before any promise), captures the browser builtins
 * and returns a Tokenframe. Nothing is inserted into the page until a field mounts.
 * `connect` is the seam unit tests use to run the SDK over a fake transport.
 */
export function createTokenframe(pk: unknown, options: LoadOptions, connect: FrameConnector): Tokenframe {
  if (typeof document === 'undefined' || typeof window === 'undefined')
    throw new TokenframeError('unsupported_environment', 'load() runs in the browser only: call it on the client.');
  const key = checkPublishableKey(pk);
  if (typeof options !== 'object' || options === null) misuse('load(pk, { vaultUrl, framesUrl }): options missing.');
  const timeoutMs = options.loadTimeoutMs ?? 15_000;
  if (typeof timeoutMs !== 'number' || !(timeoutMs > 0)) misuse('loadTimeoutMs must be > 0.');
  const context: FrameContext = {
    env: captureEnv(connect),
    pk: key,
    vaultUrl: checkOriginUrl('vaultUrl', options.vaultUrl),
    framesUrl: checkOriginUrl('framesUrl', options.framesUrl),
    timeoutMs,
  };
  return { fields: (fieldsOptions) => new Fields(context, fieldsOptions) };
}
