import type { ConnectMessage } from '../messages';
import { NS } from '../version';
import { LIMITS } from './limits';
import { guard, hasExactKeys, isString } from './shape';
import { isMountId } from './is-mount-id';

/** The port itself travels in `event.ports`, never in the data: the channel checks there is exactly one. */
export const isConnectMessage = guard<ConnectMessage>(
  (x) =>
    hasExactKeys(x, ['ns', 'v', 'type', 'mount']) &&
    x.ns === NS &&
    x.type === 'connect' &&
    isString(x.v, 7, LIMITS.version) &&
    isMountId(x.mount),
);
