import { MOUNT_ID } from './limits';
import { guard } from './shape';

/** Mount ids are random url-safe strings chosen by the SDK (DESIGN.md, "The channel" step 1). */
export const isMountId = /* @__PURE__ */ guard<string>(MOUNT_ID);
