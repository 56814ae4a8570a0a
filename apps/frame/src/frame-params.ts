/**
 * Reads what this frame was served for: `type`, `pk`, `origin`, `v` from the query (the vault already
 * checked pk and origin before serving the document) and `mount` from the fragment.
 * Anything malformed → undefined, and the frame shows its error state and posts nothing.
 */
import { isCompatibleVersion, isFieldType, isMountId } from '@tokenframe/protocol';
import type { FieldType } from '@tokenframe/protocol';

export interface FrameParams {
  pk: string;
  origin: string;
  v: string;
  mount: string;
}

const PK = /^pk_(test|live)_[A-Za-z0-9_-]{1,200}$/;

export function readFrameParams(location: { search: string; hash: string }): FrameParams | undefined {
  const q = new URLSearchParams(location.search);
  const pk = q.get('pk') ?? '';
  const origin = q.get('origin') ?? '';
  const v = q.get('v') ?? '';
  const mount = new URLSearchParams(location.hash.slice(1)).get('mount') ?? '';
  if (!PK.test(pk) || !isCanonicalOrigin(origin) || !isCompatibleVersion(v) || !isMountId(mount)) return undefined;
  return { pk, origin, v, mount };
}

export function readFieldType(location: { search: string }): FieldType | undefined {
  const type = new URLSearchParams(location.search).get('type');
  return isFieldType(type) ? type : undefined;
}

/** Exactly `scheme://host[:port]` as the browser would serialize it; never 'null'. */
export function isCanonicalOrigin(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === s;
  } catch {
    return false;
  }
}
