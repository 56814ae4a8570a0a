import { isFieldType } from '../field-type';
import type { ChangeDetail } from '../messages';
import { LIMITS } from './limits';
import { guard, has, hasExactKeys, isBoolean, isPlainArrayOf, isString } from './shape';

const isBrandId = (x: unknown): boolean => isString(x, 32, LIMITS.brandId);

/** Field state only: never a value, never digits. `error` is a code + message for the shopper. */
export const isChangeDetail = guard<ChangeDetail>(
  (x) =>
    hasExactKeys(x, ['field', 'empty', 'complete'], ['brand', 'networks', 'error']) &&
    isFieldType(x.field) &&
    isBoolean(x.empty) &&
    isBoolean(x.complete) &&
    (!has(x, 'brand') || isBrandId(x.brand)) &&
    (!has(x, 'networks') || isPlainArrayOf(x.networks, LIMITS.maxNetworks, isBrandId)) &&
    (!has(x, 'error') ||
      (hasExactKeys(x.error, ['code', 'message']) &&
        isString(x.error.code, LIMITS.maxCode) &&
        isString(x.error.message, LIMITS.maxMessage))),
);
