import type { CardSummary } from '../messages';
import { BRAND_ID, LAST4, MAX_EXP_YEAR, MIN_EXP_YEAR } from './limits';
import { guard, intIn } from './shape';

/** Brand, last4 and expiry: the most a tokenize reply may say about a card. */
export const CARD_SUMMARY = {
  brand: BRAND_ID,
  last4: LAST4,
  expMonth: /* @__PURE__ */ intIn(1, 12),
  expYear: /* @__PURE__ */ intIn(MIN_EXP_YEAR, MAX_EXP_YEAR),
};

export const isCardSummary = /* @__PURE__ */ guard<CardSummary>(CARD_SUMMARY);
