import { errorTypeOf, isErrorCode } from '../errors';
import type { TokenframeErrorShape } from '../errors';
import { MAX_CODE, MAX_MESSAGE, MAX_URL } from './limits';
import { guard, matches } from './shape';

const ERROR_SHAPE = { type: MAX_CODE, code: isErrorCode, message: MAX_MESSAGE, 'field?': MAX_CODE, 'docUrl?': MAX_URL };

/**
 * A closed-set error: the `type` must be the one its `code` belongs to (so it is one of
 * ERROR_TYPES too: every code maps to one of them).
 */
export const isErrorShape = /* @__PURE__ */ guard<TokenframeErrorShape>(
  (x) => matches(ERROR_SHAPE, x) && errorTypeOf((x as TokenframeErrorShape).code) === (x as TokenframeErrorShape).type,
);
