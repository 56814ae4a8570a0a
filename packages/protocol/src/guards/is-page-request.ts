import type { PageRequest } from '../messages';
import { NS } from '../version';
import { isFieldConfig } from './is-field-config';
import { LIMITS } from './limits';
import { guard, intIn, oneOf } from './shape';

const REQUEST = { ns: NS, type: 'request', id: /* @__PURE__ */ intIn(0, LIMITS.maxRequestId) };

/** Page → frame, over the port. `focus`, `blur` and `clear` carry no params key at all. */
export const isPageRequest = /* @__PURE__ */ guard<PageRequest>(
  /* @__PURE__ */ oneOf(
    { ...REQUEST, method: ['focus', 'blur', 'clear'] },
    { ...REQUEST, method: 'configure', params: isFieldConfig },
    { ...REQUEST, method: 'tokenize', params: { 'extra?': { 'name?': LIMITS.maxShortText, 'postal?': LIMITS.maxPostal } } },
  ),
);
