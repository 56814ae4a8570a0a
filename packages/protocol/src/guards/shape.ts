/**
 * Building blocks for the message guards. Each guard below is a fixed-shape schema, so nesting
 * depth is bounded by the schema itself: nothing here recurses into input of unknown shape.
 *
 * What counts as "plain": own enumerable data properties on an object whose prototype is
 * `Object.prototype` or `null`, no symbols, and none of the keys that feed prototype pollution.
 * Structured clones (postMessage) and `JSON.parse` only ever produce such objects, so anything
 * else (Date, Map, Blob, ports, functions, class instances, getters) is not a message.
 */

const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Wraps a check so that no input (revoked proxies, throwing getters, …) can make a guard throw. */
export function guard<T>(check: (x: unknown) => boolean): (x: unknown) => x is T {
  return (x: unknown): x is T => {
    try {
      return check(x) === true;
    } catch {
      return false;
    }
  };
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

/** A plain object whose keys are all in `required` or `optional`, with every `required` key present. */
export function hasExactKeys(
  x: unknown,
  required: readonly string[],
  optional: readonly string[] = [],
): x is Record<string, unknown> {
  if (!isPlainObject(x)) return false;
  const keys = Object.keys(x);
  if (keys.length > required.length + optional.length) return false;
  for (const k of keys) if (!required.includes(k) && !optional.includes(k)) return false;
  for (const k of required) if (!Object.prototype.hasOwnProperty.call(x, k)) return false;
  return true;
}

/** A plain array (no holes, no extra own keys) of at most `maxLength` items, each passing `item`. */
export function isPlainArrayOf(x: unknown, maxLength: number, item: (v: unknown) => boolean): x is unknown[] {
  if (!Array.isArray(x) || Object.getPrototypeOf(x) !== Array.prototype) return false;
  if (x.length > maxLength || Object.getOwnPropertySymbols(x).length > 0) return false;
  const names = Object.getOwnPropertyNames(x);
  if (names.length !== x.length + 1) return false; // indices + 'length': no holes, no extras
  for (let i = 0; i < x.length; i++) {
    if (!isDataProperty(x, String(i)) || !item(x[i])) return false;
  }
  return true;
}

export function isString(x: unknown, maxLength: number, pattern?: RegExp): x is string {
  return typeof x === 'string' && x.length <= maxLength && (pattern === undefined || pattern.test(x));
}

export function isIntIn(x: unknown, min: number, max: number): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= min && x <= max;
}

export function isFiniteIn(x: unknown, min: number, max: number): x is number {
  return typeof x === 'number' && Number.isFinite(x) && x >= min && x <= max;
}

export function isBoolean(x: unknown): x is boolean {
  return x === true || x === false;
}

/** Own-key lookup that never walks the prototype chain. */
export function has(o: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}
