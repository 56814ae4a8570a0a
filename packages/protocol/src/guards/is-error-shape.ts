import { ERROR_TYPES, errorTypeOf, isErrorCode } from '../errors';
import type { TokenframeErrorShape } from '../errors';
import { LIMITS } from './limits';
import { guard, has, hasExactKeys, isString } from './shape';

/** A closed-set error: the `type` must be the one its `code` belongs to. */
export const isErrorShape = guard<TokenframeErrorShape>(
  (x) =>
    hasExactKeys(x, ['type', 'code', 'message'], ['field', 'docUrl']) &&
    (ERROR_TYPES as readonly unknown[]).includes(x.type) &&
    isErrorCode(x.code) &&
    errorTypeOf(x.code) === x.type &&
    isString(x.message, LIMITS.maxMessage) &&
    (!has(x, 'field') || isString(x.field, LIMITS.maxCode)) &&
    (!has(x, 'docUrl') || isString(x.docUrl, LIMITS.maxUrl)),
);
