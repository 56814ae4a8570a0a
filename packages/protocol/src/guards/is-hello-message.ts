import { isFrameRole } from '../field-type';
import type { HelloMessage } from '../messages';
import { NS } from '../version';
import { LIMITS } from './limits';
import { guard, hasExactKeys, isString } from './shape';
import { isMountId } from './is-mount-id';

/**
 * Shape only. Whether the version is *compatible* is the channel's decision, so that an
 * incompatible peer can be refused with a clear `incompatible_version` instead of silence.
 */
export const isHelloMessage = guard<HelloMessage>(
  (x) =>
    hasExactKeys(x, ['ns', 'v', 'type', 'mount', 'role']) &&
    x.ns === NS &&
    x.type === 'hello' &&
    isString(x.v, 7, LIMITS.version) &&
    isMountId(x.mount) &&
    isFrameRole(x.role),
);
