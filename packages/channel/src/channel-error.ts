import { pageErrorType } from '@tokenframe/protocol';
import type { ErrorCode, ErrorType, PageErrorCode } from '@tokenframe/protocol';

/**
 * The one error class of the channel. `code` is from the protocol's closed set; `type` says whose
 * fault it is. Codes the channel itself produces:
 * - `frame_load_timeout`: no valid HELLO in time (the vault may have refused the frame: ask /v1/frames/status);
 * - `incompatible_version`: the frame speaks another protocol major;
 * - `frame_integrity`: the iframe loaded a document that never said a valid HELLO (navigated away or replaced);
 * - `frame_removed`: the iframe left the DOM, or its document went away, before answering;
 * - `timeout`: a request got no reply in time; `destroyed`: the connection was destroyed;
 * - `invalid_argument`: misuse, thrown at once.
 */
export class ChannelError extends Error {
  readonly code: ErrorCode;
  readonly type: ErrorType;

  /** A code the channel creates (its type is known), or one a frame sent with its own type. */
  constructor(code: PageErrorCode, message: string);
  constructor(code: ErrorCode, message: string, type: ErrorType);
  constructor(code: ErrorCode, message: string, type = pageErrorType(code as PageErrorCode)) {
    super(message);
    this.name = 'ChannelError';
    this.code = code;
    this.type = type;
  }
}
