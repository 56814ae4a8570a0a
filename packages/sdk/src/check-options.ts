import { STYLE_PSEUDOS, STYLE_VARIANTS, type FieldConfig } from '@tokenframe/protocol';
import { misuse } from './tokenframe-error';

/**
 * Cheap shape checks for merchant arguments, so misuse throws at once with a message that says what
 * to do. The frame validates style values against its full allowlist; here we catch typos early.
 */

export function checkPublishableKey(pk: unknown): string {
  if (typeof pk === 'string' && pk.startsWith('sk_'))
    misuse('that is a SECRET key (sk_…): never put it in a page. Roll it and pass your pk_… key.');
  if (typeof pk !== 'string' || !/^pk_(test|live)_[\w-]{1,200}$/.test(pk))
    misuse('not a publishable key: pass your pk_test_… or pk_live_… key.');
  return pk;
}

/** Returns the canonical origin of a vault or frames URL; https, or http on a loopback host. */
export function checkOriginUrl(name: string, value: unknown): string {
  try {
    const url = new URL(String(value));
    const secure = url.protocol === 'https:' || (url.protocol === 'http:' && /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/.test(url.hostname));
    if (secure && url.href === `${url.origin}/`) return url.origin; // no path, query, fragment or credentials
  } catch {
    // reported below
  }
  return misuse(`${name} must be an https origin like https://vault.example.com (http only on localhost).`);
}

/** The entries of a plain object argument (a misuse otherwise). */
function entries(path: string, x: unknown): [string, unknown][] {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) misuse(`${path} must be an object.`);
  return Object.entries(x);
}

function checkDeclarations(path: string, decls: unknown, allowPseudos: boolean): void {
  for (const [key, value] of entries(path, decls)) {
    if (allowPseudos && (STYLE_PSEUDOS as readonly string[]).includes(key)) checkDeclarations(`${path}['${key}']`, value, false);
    else if (!/^[a-z][a-zA-Z]{0,40}$/.test(key))
      misuse(`${path}.${key} is not a style property: use camelCase CSS (fontSize) or ${STYLE_PSEUDOS}.`);
    else if (typeof value !== 'string' || value.length > 200) misuse(`${path}.${key} must be a string.`);
  }
}

function checkStyle(style: unknown): boolean {
  for (const [variant, rule] of entries('style', style)) {
    if (!(STYLE_VARIANTS as readonly string[]).includes(variant)) misuse(`style.${variant} is not a style variant: use ${STYLE_VARIANTS}.`);
    checkDeclarations(`style.${variant}`, rule, true);
  }
  return true;
}

const isString = (x: unknown): boolean => typeof x === 'string';

/** Each known option with its check and, when not "a string", what it must be. */
const OPTIONS: Record<string, [check: (x: unknown) => boolean, expected?: string]> = {
  locale: [isString],
  placeholder: [isString],
  ariaLabel: [isString],
  disabled: [(x) => typeof x === 'boolean', 'true or false'],
  fonts: [(x) => Array.isArray(x) && x.every(isString), 'an array of font family names'],
  style: [checkStyle],
  // Co-badged cards: only the default of the choice; the frame checks the id and owns the selector.
  preferredNetwork: [isString],
};

/** Checks field or group options and returns only the known keys (unknown keys throw: likely typos). */
export function checkFieldConfig(where: string, options: unknown): FieldConfig {
  const config: Record<string, unknown> = {};
  for (const [key, value] of options === undefined ? [] : entries(`${where}: options`, options)) {
    if (value === undefined) continue; // never send `key: undefined` (the frame's guard rejects it)
    const option = Object.hasOwn(OPTIONS, key) ? OPTIONS[key] : misuse(`${where}: unknown option '${key}'.`);
    if (!option?.[0](value)) misuse(`${where}: ${key} must be ${option?.[1] ?? 'a string'}.`);
    config[key] = value;
  }
  return config as FieldConfig;
}
