// Guards for every message that crosses a boundary: `event.data` / `response.json()` is `unknown`
// until one of these narrows it. None of them throws, whatever the input.
export { isMountId } from './is-mount-id';
export { isHelloMessage } from './is-hello-message';
export { isConnectMessage } from './is-connect-message';
export { isPageRequest } from './is-page-request';
export { isFieldConfig } from './is-field-config';
export { isStyleSpecShape } from './is-style-spec-shape';
export { isFrameEvent } from './is-frame-event';
export { isChangeDetail } from './is-change-detail';
export { isFrameReply, isFrameToPage } from './is-frame-reply';
export { isTokenizeResult } from './is-tokenize-result';
export { isCardSummary } from './is-card-summary';
export { isErrorShape, isClosedErrorShape } from './is-error-shape';
export { isSessionResponse, isTokenCreateResponse, isFrameStatusResponse, isVaultErrorBody } from './is-vault-response';
export { isPlainObject } from './shape';
export { LIMITS, MAX_POSTAL, MAX_REQUEST_ID, MAX_SHORT_TEXT } from './limits';
