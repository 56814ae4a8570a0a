/**
 * The one schema checker behind every message guard. A guard is a fixed schema written as data, so
 * nesting depth is bounded by the schema itself: nothing here recurses into input of unknown shape.
 * (Data instead of one hand-written function per message: the merchant page ships these guards, and
 * every byte there counts; see packages/sdk/CONTRIBUTING.md, "Sizes".)
 *
 * What counts as "plain": own enumerable data properties on an object whose prototype is
 * `Object.prototype` or `null`, no symbols, and none of the keys that feed prototype pollution.
 * Structured clones (postMessage) and `JSON.parse` only ever produce such objects, so anything
 * else (Date, Map, Blob, ports, functions, class instances, getters) is not a message.
 */

/**
 * - `string`: exactly that string;
 * - `number` n: a string of at most n characters;
 * - `RegExp`: a string matching that anchored, length-bounded pattern (checked on ≤ 256 characters);
 * - array: exactly one of those primitive values (`[true, false]`, `[null]`, an enum);
 * - function: a predicate (another guard, a number range, a union);
 * - object: a plain object with exactly those keys, each matching its schema; `'key?'` is optional.
 */
export type Schema = string | number | RegExp | readonly unknown[] | ((x: unknown) => boolean) | { readonly [key: string]: Schema };

const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Own-key lookup that never walks the prototype chain. */
export function has(o: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

function isDataProperty(o: object, key: string): boolean {
  const d = Object.getOwnPropertyDescriptor(o, key);
  return d !== undefined && 'value' in d && d.enumerable === true;
}

export function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto: unknown = Object.getPrototypeOf(x);
  if (proto !== Object.prototype && proto !== null) return false;
  if (Object.getOwnPropertySymbols(x).length > 0) return false;
  for (const key of Object.getOwnPropertyNames(x)) {
    if (FORBIDDEN_KEYS.has(key) || !isDataProperty(x, key)) return false;
  }
  return true;
}

export function matches(schema: Schema, x: unknown): boolean {
  if (typeof schema === 'string') return x === schema;
  if (typeof schema === 'number') return typeof x === 'string' && x.length <= schema;
  if (typeof schema === 'function') return schema(x) === true;
  if (schema instanceof RegExp) return typeof x === 'string' && x.length <= 256 && schema.test(x);
  if (Array.isArray(schema)) return schema.includes(x);
  if (!isPlainObject(x)) return false;
  const fields = schema as { readonly [key: string]: Schema };
  for (const key of Object.keys(x)) {
    const name = has(fields, key) && !key.endsWith('?') ? key : `${key}?`;
    if (!has(fields, name) || !matches(fields[name] as Schema, x[key])) return false;
  }
  for (const key of Object.keys(fields)) if (!key.endsWith('?') && !has(x, key)) return false;
  return true;
}

/** A guard from a schema: never throws, whatever the input (revoked proxies, throwing getters, …). */
export function guard<T>(schema: Schema): (x: unknown) => x is T {
  return (x: unknown): x is T => {
    try {
      return matches(schema, x);
    } catch {
      return false;
    }
  };
}

export const BOOLEAN = [true, false] as const;

export const oneOf =
  (...schemas: Schema[]) =>
  (x: unknown): boolean =>
    schemas.some((s) => matches(s, x));

export const intIn =
  (min: number, max: number) =>
  (x: unknown): boolean =>
    Number.isSafeInteger(x) && (x as number) >= min && (x as number) <= max;

export const finiteIn =
  (min: number, max: number) =>
  (x: unknown): boolean =>
    Number.isFinite(x) && (x as number) >= min && (x as number) <= max;

/** A plain array (no holes, no extra own keys) of at most `maxLength` items, each matching `item`. */
export const arrayOf =
  (item: Schema, maxLength: number) =>
  (x: unknown): boolean => {
    if (!Array.isArray(x) || Object.getPrototypeOf(x) !== Array.prototype) return false;
    if (x.length > maxLength || Object.getOwnPropertySymbols(x).length > 0) return false;
    if (Object.getOwnPropertyNames(x).length !== x.length + 1) return false; // indices + 'length': no holes, no extras
    for (let i = 0; i < x.length; i++) if (!isDataProperty(x, String(i)) || !matches(item, x[i])) return false;
    return true;
  };

export function isString(x: unknown, maxLength: number, pattern?: RegExp): x is string {
  return typeof x === 'string' && x.length <= maxLength && (pattern === undefined || pattern.test(x));
}
