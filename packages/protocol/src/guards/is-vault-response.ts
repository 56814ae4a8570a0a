/**
 * Vault HTTP response bodies, as read by the controller frame and the SDK's status probe.
 * Exact keys: a vault that starts sending more must bump the protocol, not leak it silently.
 */
import { ERROR_TYPES, errorTypeOf, isErrorCode } from '../errors';
import type { FrameStatusResponse, SessionResponse, TokenCreateResponse, VaultErrorBody } from '../vault-api';
import { FRAME_STATUS_CODES } from '../vault-api';
import { isCardSummary } from './is-card-summary';
import { LIMITS } from './limits';
import { guard, has, hasExactKeys, isBoolean, isIntIn, isString } from './shape';

const isEpochMs = (x: unknown): boolean => isIntIn(x, 0, LIMITS.maxEpochMs);

export const isSessionResponse = guard<SessionResponse>(
  (x) =>
    hasExactKeys(x, ['sid', 'expiresAt', 'serverTime']) &&
    isString(x.sid, LIMITS.maxSessionId) &&
    x.sid.length > 0 &&
    isEpochMs(x.expiresAt) &&
    isEpochMs(x.serverTime),
);

export const isTokenCreateResponse = guard<TokenCreateResponse>(
  (x) =>
    hasExactKeys(x, ['id', 'card', 'expiresAt', 'livemode']) &&
    isString(x.id, 132, LIMITS.tokenId) &&
    isCardSummary(x.card) &&
    isEpochMs(x.expiresAt) &&
    isBoolean(x.livemode),
);

export const isFrameStatusResponse = guard<FrameStatusResponse>(
  (x) => hasExactKeys(x, ['code']) && (FRAME_STATUS_CODES as readonly unknown[]).includes(x.code),
);

export const isVaultErrorBody = guard<VaultErrorBody>((x) => {
  if (!hasExactKeys(x, ['error'])) return false;
  const e = x.error;
  return (
    hasExactKeys(e, ['type', 'code', 'message', 'requestId'], ['param']) &&
    (ERROR_TYPES as readonly unknown[]).includes(e.type) &&
    isErrorCode(e.code) &&
    errorTypeOf(e.code) === e.type &&
    isString(e.message, LIMITS.maxMessage) &&
    isString(e.requestId, LIMITS.maxCode) &&
    (!has(e, 'param') || isString(e.param, LIMITS.maxCode))
  );
});
