import type { FieldConfig } from '../messages';
import { isStyleSpecShape } from './is-style-spec-shape';
import { BRAND_ID, LIMITS } from './limits';
import { arrayOf, BOOLEAN, guard } from './shape';

export const isFieldConfig = /* @__PURE__ */ guard<FieldConfig>({
  'locale?': LIMITS.maxLocale,
  'placeholder?': LIMITS.maxShortText,
  'ariaLabel?': LIMITS.maxShortText,
  'disabled?': BOOLEAN,
  'style?': isStyleSpecShape,
  'fonts?': /* @__PURE__ */ arrayOf(LIMITS.maxCode, LIMITS.maxFonts),
  'preferredNetwork?': BRAND_ID,
});
