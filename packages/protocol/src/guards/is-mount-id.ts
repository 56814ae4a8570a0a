import { LIMITS } from './limits';
import { guard, isString } from './shape';

/** Mount ids are random url-safe strings chosen by the SDK (DESIGN.md, "The channel" step 1). */
export const isMountId = guard<string>((x) => isString(x, 64, LIMITS.mountId));
