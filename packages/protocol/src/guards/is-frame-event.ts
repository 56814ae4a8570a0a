import type { FrameEvent } from '../messages';
import { NS } from '../version';
import { isChangeDetail } from './is-change-detail';
import { isErrorShape } from './is-error-shape';
import { LIMITS } from './limits';
import { guard, hasExactKeys, isFiniteIn } from './shape';

const BASE = ['ns', 'type', 'name'] as const;
const WITH_DETAIL = [...BASE, 'detail'] as const;

/** Frame → page, over the port. Only the closed list of DESIGN.md "The channel" step 7. */
export const isFrameEvent = guard<FrameEvent>((x) => {
  if (!hasExactKeys(x, BASE, ['detail']) || x.ns !== NS || x.type !== 'event') return false;
  switch (x.name) {
    case 'ready':
    case 'focus':
    case 'blur':
    case 'escape':
    case 'submit':
      return hasExactKeys(x, BASE);
    case 'change':
      return hasExactKeys(x, WITH_DETAIL) && isChangeDetail(x.detail);
    case 'resize':
      return (
        hasExactKeys(x, WITH_DETAIL) &&
        hasExactKeys(x.detail, ['height']) &&
        isFiniteIn(x.detail.height, 0, LIMITS.maxFrameHeight)
      );
    case 'loaderror':
      return hasExactKeys(x, WITH_DETAIL) && isErrorShape(x.detail);
    default:
      return false;
  }
});
