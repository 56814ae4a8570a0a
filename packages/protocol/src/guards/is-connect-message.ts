import type { ConnectMessage } from '../messages';
import { NS } from '../version';
import { MOUNT_ID, VERSION } from './limits';
import { guard } from './shape';

/** The port itself travels in `event.ports`, never in the data: the channel checks there is exactly one. */
export const isConnectMessage = /* @__PURE__ */ guard<ConnectMessage>({ ns: NS, v: VERSION, type: 'connect', mount: MOUNT_ID });
