import type { FrameEvent } from '../messages';
import { NS } from '../version';
import { CHANGE_DETAIL } from './is-change-detail';
import { isErrorShape } from './is-error-shape';
import { MAX_FRAME_HEIGHT } from './limits';
import { finiteIn, guard, oneOf } from './shape';

const EVENT = { ns: NS, type: 'event' };

/** Frame → page, over the port. Only the closed list of DESIGN.md "The channel" step 7. */
export const isFrameEvent = /* @__PURE__ */ guard<FrameEvent>(
  /* @__PURE__ */ oneOf(
    { ...EVENT, name: ['ready', 'focus', 'blur', 'escape', 'submit'] },
    { ...EVENT, name: 'change', detail: CHANGE_DETAIL },
    { ...EVENT, name: 'resize', detail: { height: /* @__PURE__ */ finiteIn(0, MAX_FRAME_HEIGHT) } },
    { ...EVENT, name: 'loaderror', detail: isErrorShape },
  ),
);
