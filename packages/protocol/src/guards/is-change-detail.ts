import { FIELD_TYPES } from '../field-type';
import type { ChangeDetail } from '../messages';
import { BRAND_ID, MAX_CODE, MAX_MESSAGE, MAX_NETWORKS } from './limits';
import { arrayOf, BOOLEAN, guard } from './shape';

/** Field state only: never a value, never digits. `error` is a code + message for the shopper. */
export const CHANGE_DETAIL = {
  field: FIELD_TYPES,
  empty: BOOLEAN,
  complete: BOOLEAN,
  'brand?': BRAND_ID,
  'networks?': /* @__PURE__ */ arrayOf(BRAND_ID, MAX_NETWORKS),
  'network?': BRAND_ID,
  'error?': { code: MAX_CODE, message: MAX_MESSAGE },
};

export const isChangeDetail = /* @__PURE__ */ guard<ChangeDetail>(CHANGE_DETAIL);
