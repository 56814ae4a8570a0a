import type { PageRequest } from '../messages';
import { NS } from '../version';
import { isFieldConfig } from './is-field-config';
import { LIMITS } from './limits';
import { guard, has, hasExactKeys, isIntIn, isString } from './shape';

const BASE = ['ns', 'type', 'id', 'method'] as const;
const WITH_PARAMS = [...BASE, 'params'] as const;

function isTokenizeParams(x: unknown): boolean {
  if (!hasExactKeys(x, [], ['extra'])) return false;
  if (!has(x, 'extra')) return true;
  const e = x.extra;
  return (
    hasExactKeys(e, [], ['name', 'postal']) &&
    (!has(e, 'name') || isString(e.name, LIMITS.maxShortText)) &&
    (!has(e, 'postal') || isString(e.postal, LIMITS.maxPostal))
  );
}

/** Page → frame, over the port. `focus`, `blur` and `clear` carry no params key at all. */
export const isPageRequest = guard<PageRequest>((x) => {
  if (!hasExactKeys(x, BASE, ['params'])) return false;
  if (x.ns !== NS || x.type !== 'request' || !isIntIn(x.id, 0, LIMITS.maxRequestId)) return false;
  switch (x.method) {
    case 'configure':
      return hasExactKeys(x, WITH_PARAMS) && isFieldConfig(x.params);
    case 'tokenize':
      return hasExactKeys(x, WITH_PARAMS) && isTokenizeParams(x.params);
    case 'focus':
    case 'blur':
    case 'clear':
      return hasExactKeys(x, BASE);
    default:
      return false;
  }
});
