import { isFrameRole } from '../field-type';
import type { HelloMessage } from '../messages';
import { NS } from '../version';
import { MAX_SHORT_TEXT, MOUNT_ID, VERSION } from './limits';
import { guard } from './shape';

/**
 * Shape only. Whether the version is *compatible* is the channel's decision, so that an
 * incompatible peer can be refused with a clear `incompatible_version` instead of silence.
 */
export const isHelloMessage = /* @__PURE__ */ guard<HelloMessage>({
  ns: NS,
  v: VERSION,
  type: 'hello',
  mount: MOUNT_ID,
  role: isFrameRole,
  pk: MAX_SHORT_TEXT,
});
