/**
 * Vault HTTP response bodies, as read by the controller frame and the SDK's status probe.
 * Exact keys: a vault that starts sending more must bump the protocol, not leak it silently.
 */
import { errorTypeOf, isErrorCode, type ErrorCode } from '../errors';
import type { FrameStatusResponse, SessionResponse, TokenCreateResponse, VaultErrorBody } from '../vault-api';
import { FRAME_STATUS_CODES } from '../vault-api';
import { CARD_SUMMARY } from './is-card-summary';
import { MAX_CODE, MAX_EPOCH_MS, MAX_MESSAGE, MAX_SESSION_ID, TOKEN_ID } from './limits';
import { BOOLEAN, guard, intIn, isString, matches } from './shape';

const EPOCH_MS = /* @__PURE__ */ intIn(0, MAX_EPOCH_MS);

export const isSessionResponse = /* @__PURE__ */ guard<SessionResponse>({
  sid: (x: unknown) => isString(x, MAX_SESSION_ID) && x.length > 0,
  expiresAt: EPOCH_MS,
  serverTime: EPOCH_MS,
});

export const isTokenCreateResponse = /* @__PURE__ */ guard<TokenCreateResponse>({
  id: TOKEN_ID,
  card: CARD_SUMMARY,
  expiresAt: EPOCH_MS,
  livemode: BOOLEAN,
});

export const isFrameStatusResponse = /* @__PURE__ */ guard<FrameStatusResponse>({ code: FRAME_STATUS_CODES, 'message?': MAX_MESSAGE });

const VAULT_ERROR = { type: MAX_CODE, code: isErrorCode, message: MAX_MESSAGE, requestId: MAX_CODE, 'param?': MAX_CODE };

export const isVaultErrorBody = /* @__PURE__ */ guard<VaultErrorBody>({
  // The type must be the one its code belongs to (and so one of ERROR_TYPES).
  error: (e: unknown) => matches(VAULT_ERROR, e) && errorTypeOf((e as { code: ErrorCode }).code) === (e as { type: unknown }).type,
});
