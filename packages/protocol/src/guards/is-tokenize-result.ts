import type { TokenizeResult } from '../messages';
import { CARD_SUMMARY } from './is-card-summary';
import { isErrorShape } from './is-error-shape';
import { TOKEN_ID } from './limits';
import { guard, oneOf } from './shape';

export const TOKENIZE_RESULT = /* @__PURE__ */ oneOf({ token: TOKEN_ID, card: CARD_SUMMARY }, { error: isErrorShape });

export const isTokenizeResult = /* @__PURE__ */ guard<TokenizeResult>(TOKENIZE_RESULT);
