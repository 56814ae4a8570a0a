import { isTestCard, testCardOutcome, validateCvc, validateNumber } from '@tokenframe/card';
import type { SealedClaims } from '@tokenframe/protocol';
import { vaultError, type VaultError } from './vault-error';
import type { KeyEnv } from '../stores/records';

/**
 * The card rules the vault enforces after opening the JWE (the frame checked them too, but the
 * vault trusts no client): a valid number, a current expiry by the vault's clock, a CVC that fits
 * the brand, test cards only with test keys and never with live keys, and the test cards that ask
 * for a failure get it. Card errors are 402, as payments APIs answer them.
 */
export function checkCard(c: SealedClaims, env: KeyEnv, now: number): { brand: string } | VaultError {
  const number = validateNumber(c.pan);
  if (!number.isValid || !number.brand) return vaultError(402, 'invalid_number', 'The card number is not valid.', 'number');
  const d = new Date(now);
  if (c.expYear * 12 + c.expMonth < d.getUTCFullYear() * 12 + d.getUTCMonth() + 1) {
    return vaultError(402, 'expired_card', 'The card has expired.', 'exp');
  }
  if (c.cvc !== undefined && !validateCvc(c.cvc, number.brand).isValid)
    return vaultError(402, 'invalid_cvc', 'The CVC does not fit the card brand.', 'cvc');
  const test = isTestCard(c.pan);
  if (env === 'test' && !test) {
    return vaultError(
      402,
      'live_card_in_test_mode',
      'Test keys accept only the documented test cards (see docs/api.md, "Test cards").',
      'number',
    );
  }
  if (env === 'live' && test) return vaultError(402, 'test_card_in_live_mode', 'A test card was used with a live key.', 'number');
  const outcome = test ? testCardOutcome(c.pan) : 'success';
  if (outcome === 'processing_error') return vaultError(402, 'processing_error', 'The card could not be processed (test card outcome).');
  if (outcome === 'rate_limited')
    return vaultError(429, 'rate_limited', 'Too many requests (test card outcome). Retry later.', undefined, { 'Retry-After': '1' });
  return { brand: number.brand.id };
}
