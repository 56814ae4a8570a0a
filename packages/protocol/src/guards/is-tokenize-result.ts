import type { TokenizeResult } from '../messages';
import { isCardSummary } from './is-card-summary';
import { isErrorShape } from './is-error-shape';
import { LIMITS } from './limits';
import { guard, hasExactKeys, isString } from './shape';

export const isTokenizeResult = guard<TokenizeResult>(
  (x) =>
    (hasExactKeys(x, ['token', 'card']) && isString(x.token, 132, LIMITS.tokenId) && isCardSummary(x.card)) ||
    (hasExactKeys(x, ['error']) && isErrorShape(x.error)),
);
