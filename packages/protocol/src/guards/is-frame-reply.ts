import type { FrameReply, FrameToPage } from '../messages';
import { NS } from '../version';
import { isErrorShape } from './is-error-shape';
import { isFrameEvent } from './is-frame-event';
import { isTokenizeResult } from './is-tokenize-result';
import { LIMITS } from './limits';
import { guard, hasExactKeys, isIntIn } from './shape';

const BASE = ['ns', 'type', 'id', 'ok'] as const;

/** Frame → page, over the port: the answer to one PageRequest, matched by `id`. */
export const isFrameReply = guard<FrameReply>((x) => {
  if (!hasExactKeys(x, BASE, ['result', 'error'])) return false;
  if (x.ns !== NS || x.type !== 'reply' || !isIntIn(x.id, 0, LIMITS.maxRequestId)) return false;
  if (x.ok === true) return hasExactKeys(x, [...BASE, 'result']) && (x.result === null || isTokenizeResult(x.result));
  if (x.ok === false) return hasExactKeys(x, [...BASE, 'error']) && isErrorShape(x.error);
  return false;
});

export const isFrameToPage = guard<FrameToPage>((x) => isFrameEvent(x) || isFrameReply(x));
