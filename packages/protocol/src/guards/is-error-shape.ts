import { ERROR_TYPES, errorTypeOf, isErrorCode } from '../errors';
import type { TokenframeErrorShape } from '../errors';
import { ERROR_CODE, MAX_CODE, MAX_MESSAGE, MAX_URL } from './limits';
import { guard, matches } from './shape';

/**
 * An error as the page receives it (inside frame events, replies and tokenize results): exact keys,
 * a known `type`, a code of the closed set's form, bounded text. The page does not carry the closed
 * set itself (ERROR_CODES is 0.4 kB of the 5 kB page budget; packages/sdk/CONTRIBUTING.md, "Sizes"): the
 * frame checks every error it sends against it (`isClosedErrorShape`, in acceptParent).
 */
export const ERROR_SHAPE = { type: ERROR_TYPES, code: ERROR_CODE, message: MAX_MESSAGE, 'field?': MAX_CODE, 'docUrl?': MAX_URL };

export const isErrorShape = /* @__PURE__ */ guard<TokenframeErrorShape>(ERROR_SHAPE);

/** The sender's check: the code is in the closed set and `type` is the one it belongs to. */
export const isClosedErrorShape = /* @__PURE__ */ guard<TokenframeErrorShape>(
  (x) =>
    matches(ERROR_SHAPE, x) &&
    isErrorCode((x as TokenframeErrorShape).code) &&
    errorTypeOf((x as TokenframeErrorShape).code) === (x as TokenframeErrorShape).type,
);
