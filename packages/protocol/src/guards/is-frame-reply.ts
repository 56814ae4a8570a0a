import type { FrameReply, FrameToPage } from '../messages';
import { NS } from '../version';
import { isErrorShape } from './is-error-shape';
import { isFrameEvent } from './is-frame-event';
import { TOKENIZE_RESULT } from './is-tokenize-result';
import { MAX_REQUEST_ID } from './limits';
import { guard, intIn, oneOf } from './shape';

const REPLY = { ns: NS, type: 'reply', id: /* @__PURE__ */ intIn(0, MAX_REQUEST_ID) };

/** Frame → page, over the port: the answer to one PageRequest, matched by `id`. */
export const isFrameReply = /* @__PURE__ */ guard<FrameReply>(
  /* @__PURE__ */ oneOf(
    { ...REPLY, ok: [true], result: /* @__PURE__ */ oneOf([null], TOKENIZE_RESULT) },
    { ...REPLY, ok: [false], error: isErrorShape },
  ),
);

export const isFrameToPage = /* @__PURE__ */ guard<FrameToPage>(/* @__PURE__ */ oneOf(isFrameEvent, isFrameReply));
