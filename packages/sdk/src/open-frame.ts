import { isErrorCode, PROTOCOL_VERSION, type FrameRole } from '@tokenframe/protocol';
import { createFrame } from './create-frame';
import { diagnoseLoadFailure } from './diagnose-load-failure';
import type { Env } from './env';
import type { FrameConnection } from './frame-connection';
import { TokenframeError } from './tokenframe-error';

/** What every frame of a Tokenframe instance shares. */
export interface FrameContext {
  readonly env: Env;
  readonly pk: string;
  readonly vaultUrl: string;
  readonly framesUrl: string;
  readonly timeoutMs: number;
}

export interface OpenFrame {
  readonly iframe: HTMLIFrameElement;
  readonly connection: FrameConnection;
  /** HELLO + CONNECT done; rejects with a TokenframeError that says what to fix. */
  readonly connected: Promise<void>;
}

/** Turns any failure from the channel or a frame into a TokenframeError with a known code. */
export function toTokenframeError(error: unknown): TokenframeError {
  if (error instanceof TokenframeError) return error;
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return new TokenframeError(isErrorCode(code) ? code : 'frame_integrity', String(message));
}

async function explain(context: FrameContext, error: unknown): Promise<never> {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'frame_load_timeout')
    throw await diagnoseLoadFailure(context.env, context.vaultUrl, context.pk, context.framesUrl);
  if (code === 'incompatible_version')
    throw new TokenframeError(
      'incompatible_version',
      `the frames speak another protocol than this SDK (${PROTOCOL_VERSION}): load ${context.vaultUrl}/v1/tokenframe.js or upgrade @tokenframe/sdk.`,
    );
  throw toTokenframeError(error);
}

/**
 * Creates the frame element and starts the channel handshake before the element is inserted, so
 * no HELLO can be missed. The caller inserts `iframe` where it belongs and owns `connection`.
 */
export function openFrame(context: FrameContext, role: FrameRole, mount: string): OpenFrame {
  const iframe = createFrame(context.env, context.framesUrl, context.pk, role, mount);
  const connection = context.env.connect({ iframe, frameOrigin: context.framesUrl, mount, role, timeoutMs: context.timeoutMs });
  const connected = connection.ready.catch((error: unknown) => explain(context, error));
  return { iframe, connection, connected };
}
