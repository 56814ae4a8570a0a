import type { CardSummary } from '../messages';
import { LIMITS } from './limits';
import { guard, hasExactKeys, isIntIn, isString } from './shape';

/** Brand, last4 and expiry: the most a tokenize reply may say about a card. */
export const isCardSummary = guard<CardSummary>(
  (x) =>
    hasExactKeys(x, ['brand', 'last4', 'expMonth', 'expYear']) &&
    isString(x.brand, 32, LIMITS.brandId) &&
    isString(x.last4, 4, LIMITS.last4) &&
    isIntIn(x.expMonth, 1, 12) &&
    isIntIn(x.expYear, LIMITS.minExpYear, LIMITS.maxExpYear),
);
