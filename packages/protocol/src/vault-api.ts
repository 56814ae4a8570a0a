/**
 * JSON shapes of the vault's HTTP API (DESIGN.md, "Tokenize" and "Vault").
 * Browser-side callers (the controller frame, the SDK's status probe) validate responses with
 * the guards in ./guards; the vault validates requests with its own strict parsers.
 */
import type { ErrorCode, ErrorType } from './errors';

export interface SessionResponse {
  sid: string;
  expiresAt: number; // epoch ms, vault clock
  serverTime: number; // epoch ms, vault clock
}

export interface TokenCreateRequest {
  jwe: string;
}

export interface TokenCreateResponse {
  id: string; // tok_…
  card: { brand: string; last4: string; expMonth: number; expYear: number };
  expiresAt: number;
  livemode: boolean;
}

export interface VaultErrorBody {
  error: { type: ErrorType; code: ErrorCode; message: string; param?: string; requestId: string };
}

export const FRAME_STATUS_CODES = ['ok', 'unknown_key', 'revoked_key', 'origin_not_allowed'] as const;
export type FrameStatusCode = (typeof FRAME_STATUS_CODES)[number];
/**
 * `message` tells the developer what to fix; the SDK shows it as the loaderror's message. The vault
 * sends it when the request names the protocol version (`v`), so an SDK that predates it (and whose
 * guard allows only `code`) still gets the answer it understands.
 */
export interface FrameStatusResponse {
  code: FrameStatusCode;
  message?: string;
}

/** The JWE plaintext the controller seals (DESIGN.md, "Tokenize"). */
export interface SealedClaims {
  pan: string;
  expMonth: number;
  expYear: number;
  cvc?: string;
  name?: string;
  postal?: string;
  /** Co-badged cards only: the network the shopper chose, one of the number's networks (the vault checks). */
  network?: string;
  aud: string; // the vault API origin
  pk: string;
  sid: string;
  origin: string; // the merchant page origin
  iat: number; // epoch seconds
  jti: string;
}
