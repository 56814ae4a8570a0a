import { vaultError, type VaultError } from './vault-error';

export function sessionError(code: 'session_expired' | 'session_exhausted'): VaultError {
  return code === 'session_expired'
    ? vaultError(400, 'session_expired', 'The session is unknown or has expired. Open a new session (POST /v1/sessions) and reseal.', 'sid')
    : vaultError(400, 'session_exhausted', 'The session has no tokenizations left. Open a new session (POST /v1/sessions).', 'sid');
}

export function replayed(): VaultError {
  return vaultError(409, 'replayed_request', 'This JWE was already used. Seal the card data again for a new request.', 'jwe');
}
