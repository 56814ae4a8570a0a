import { PROTOCOL_VERSION, type FieldConfig, type FrameEvent, type FrameRole } from '@tokenframe/protocol';
import { createFrame } from './create-frame';
import { diagnoseLoadFailure } from './diagnose-load-failure';
import type { Env } from './env';
import type { FrameConnection } from './frame-connection';
import { toTokenframeError, TokenframeError } from './tokenframe-error';

/** What every frame of a Tokenframe instance shares. */
export interface FrameContext {
  readonly env: Env;
  readonly pk: string;
  readonly vaultUrl: string;
  readonly framesUrl: string;
  readonly timeoutMs: number;
}

/** What the owner of a frame (a field, or a group for its controller) hears from it. */
export interface FrameOwner {
  /** The frame's configuration, sent after every (re)connect. */
  config(): FieldConfig;
  onEvent?(event: FrameEvent): void;
  /** The frame reloaded with a valid HELLO: it is empty again (and already being configured). */
  onReconnect?(): void;
  /** The frame reloaded without a valid HELLO (DESIGN.md, "The channel" step 9): it can no longer be trusted. */
  onBroken(error: TokenframeError): void;
}

export interface OpenFrame {
  readonly iframe: HTMLIFrameElement;
  readonly connection: FrameConnection;
  /** HELLO + CONNECT + the first `configure` answered; rejects with a TokenframeError that says what to fix. */
  readonly ready: Promise<void>;
}

const noop = (): void => undefined;

/** Turns a connect or configure failure into what the developer must fix. */
async function explain(context: FrameContext, error: unknown): Promise<never> {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'frame_load_timeout') throw await diagnoseLoadFailure(context.env, context.vaultUrl, context.pk, context.framesUrl);
  if (code === 'incompatible_version')
    throw new TokenframeError(
      code,
      `the frames speak another protocol than this SDK (${PROTOCOL_VERSION}): load ${context.vaultUrl}/v1/tokenframe.js or upgrade @tokenframe/sdk.`,
    );
  throw toTokenframeError(error);
}

/**
 * Creates the frame element and starts the channel handshake before the element is inserted, so
 * no HELLO can be missed; configures the frame on every connect. A frame is ready when it answers its
 * first `configure`: it sends `ready` before that answer, over the same ordered port. The caller
 * inserts `iframe` where it belongs and owns `connection`.
 */
export function openFrame(context: FrameContext, role: FrameRole, mount: string, owner: FrameOwner): OpenFrame {
  const iframe = createFrame(context.env, context.framesUrl, context.pk, role, mount);
  // The first configure may wait for the frame's locale: it gets the load budget, not the request default.
  const configure = (): Promise<unknown> => connection.request('configure', owner.config(), context.timeoutMs);
  const connection = context.env.connect({
    iframe,
    frameOrigin: context.framesUrl,
    mount,
    pk: context.pk,
    role,
    timeoutMs: context.timeoutMs,
    onEvent: owner.onEvent,
    onReconnect: () => {
      owner.onReconnect?.();
      configure().catch(noop);
    },
    // After ready: a reload without a valid HELLO, or one that speaks another major version.
    onFailure: (error) =>
      owner.onBroken(
        error.code === 'frame_integrity'
          ? new TokenframeError('frame_integrity', `the ${role} frame was replaced: mount it again.`)
          : toTokenframeError(error),
      ),
  });
  const ready = connection.ready.then(configure).then(noop, (error: unknown) => explain(context, error));
  return { iframe, connection, ready };
}
