import type { FieldConfig } from '../messages';
import { isStyleSpecShape } from './is-style-spec-shape';
import { LIMITS } from './limits';
import { guard, has, hasExactKeys, isBoolean, isPlainArrayOf, isString } from './shape';

const KEYS = ['locale', 'placeholder', 'ariaLabel', 'disabled', 'style', 'fonts'] as const;

export const isFieldConfig = guard<FieldConfig>(
  (x) =>
    hasExactKeys(x, [], KEYS) &&
    (!has(x, 'locale') || isString(x.locale, LIMITS.maxLocale)) &&
    (!has(x, 'placeholder') || isString(x.placeholder, LIMITS.maxShortText)) &&
    (!has(x, 'ariaLabel') || isString(x.ariaLabel, LIMITS.maxShortText)) &&
    (!has(x, 'disabled') || isBoolean(x.disabled)) &&
    (!has(x, 'style') || isStyleSpecShape(x.style)) &&
    (!has(x, 'fonts') || isPlainArrayOf(x.fonts, LIMITS.maxFonts, (f) => isString(f, LIMITS.maxCode))),
);
