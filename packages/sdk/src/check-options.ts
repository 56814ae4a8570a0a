import { STYLE_PSEUDOS, STYLE_VARIANTS, type FieldConfig, type StyleSpec } from '@tokenframe/protocol';
import { misuse } from './tokenframe-error';

/**
 * Cheap shape checks for merchant arguments, so misuse throws at once with a message that says what
 * to do. The frame validates style values against its full allowlist; here we catch typos early.
 */

export function checkPublishableKey(pk: unknown): string {
  if (typeof pk !== 'string' || pk === '') misuse('load() needs your publishable key (pk_test_… or pk_live_…).');
  if (/^sk_/.test(pk))
    misuse('that is a SECRET key (sk_…): never put it in a web page. Roll it now and pass your publishable key (pk_…).');
  if (!/^pk_(test|live)_[A-Za-z0-9_-]{1,200}$/.test(pk)) misuse('not a publishable key: expected pk_test_… or pk_live_….');
  return pk;
}

/** Returns the canonical origin of a vault or frames URL; https, or http on a loopback host. */
export function checkOriginUrl(name: string, value: unknown): string {
  let url: URL | undefined;
  try {
    url = new URL(String(value));
  } catch {
    // reported below
  }
  const loopback = url && /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/.test(url.hostname);
  if (!url || !(url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) || url.pathname !== '/' || url.search || url.hash)
    misuse(`${name} must be an https origin like https://vault.example.com (http only on localhost).`);
  return url.origin;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function checkDeclarations(path: string, decls: unknown, allowPseudos: boolean): void {
  if (!isPlainObject(decls)) misuse(`${path} must be an object of CSS properties.`);
  for (const [key, value] of Object.entries(decls)) {
    if (allowPseudos && (STYLE_PSEUDOS as readonly string[]).includes(key)) checkDeclarations(`${path}['${key}']`, value, false);
    else if (!/^[a-z][a-zA-Z]{0,40}$/.test(key))
      misuse(`${path}.${key} is not a style property: use camelCase CSS (fontSize) or ${STYLE_PSEUDOS}.`);
    else if (typeof value !== 'string' || value.length > 200) misuse(`${path}.${key} must be a string.`);
  }
}

export function checkStyle(style: unknown): StyleSpec | undefined {
  if (style === undefined) return undefined;
  if (!isPlainObject(style)) misuse(`style must be an object with keys ${STYLE_VARIANTS}.`);
  for (const [variant, rule] of Object.entries(style)) {
    if (!(STYLE_VARIANTS as readonly string[]).includes(variant)) misuse(`style.${variant} is not a style variant: use ${STYLE_VARIANTS}.`);
    checkDeclarations(`style.${variant}`, rule, true);
  }
  return style as StyleSpec;
}

const STRING_OPTIONS = ['locale', 'placeholder', 'ariaLabel'] as const;

/** Checks field or group options and returns only the known keys (unknown keys throw: likely typos). */
export function checkFieldConfig(where: string, options: unknown): FieldConfig {
  if (options === undefined) return {};
  if (!isPlainObject(options)) misuse(`${where}: options must be an object.`);
  const config: FieldConfig = {};
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue; // never send `key: undefined` (the frame's guard rejects it)
    if ((STRING_OPTIONS as readonly string[]).includes(key)) {
      if (typeof value !== 'string') misuse(`${where}: ${key} must be a string.`);
      config[key as (typeof STRING_OPTIONS)[number]] = value;
    } else if (key === 'disabled') {
      if (typeof value !== 'boolean') misuse(`${where}: disabled must be true or false.`);
      config.disabled = value;
    } else if (key === 'style') config.style = checkStyle(value);
    else if (key === 'fonts') {
      if (!Array.isArray(value) || !value.every((f) => typeof f === 'string'))
        misuse(`${where}: fonts must be an array of font family names.`);
      config.fonts = value;
    } else misuse(`${where}: unknown option '${key}'.`);
  }
  return config;
}
