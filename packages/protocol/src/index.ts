// The public surface of @tokenframe/protocol: an explicit list (STYLE.md §10).
export { NS, PROTOCOL_VERSION, protocolMajor, isCompatibleVersion } from './version';
export { FIELD_TYPES, isFieldType, isFrameRole } from './field-type';
export type { FieldType, FrameRole } from './field-type';
export { ERROR_TYPES, ERROR_CODES, isErrorCode, errorTypeOf, pageErrorType } from './errors';
export type { ErrorType, ErrorCode, PageErrorCode, TokenframeErrorShape } from './errors';
export type {
  HelloMessage,
  ConnectMessage,
  WindowMessage,
  FieldConfig,
  TokenizeExtra,
  PageRequest,
  RequestMethod,
  CardSummary,
  TokenizeResult,
  ChangeDetail,
  FrameEvent,
  FrameEventName,
  FrameReply,
  PageToFrame,
  FrameToPage,
} from './messages';
export { STYLE_VARIANTS, STYLE_PSEUDOS } from './style';
export type { StyleVariant, StylePseudo, StyleDeclarations, StyleRule, StyleSpec } from './style';
export { STYLE_PROPERTIES, HEIGHT_PROPERTIES, isStyleProperty } from './style-allowlist';
export type { StyleProperty } from './style-allowlist';
export { validateStyle } from './style-validate';
export type { StyleValidation } from './style-validate';
export { FRAME_STATUS_CODES } from './vault-api';
export type {
  SessionResponse,
  TokenCreateRequest,
  TokenCreateResponse,
  VaultErrorBody,
  FrameStatusCode,
  FrameStatusResponse,
  SealedClaims,
} from './vault-api';
// Guards are added below by the channel work (./guards/*).
export {
  isMountId,
  isHelloMessage,
  isConnectMessage,
  isPageRequest,
  isFieldConfig,
  isStyleSpecShape,
  isFrameEvent,
  isChangeDetail,
  isFrameReply,
  isFrameToPage,
  isTokenizeResult,
  isCardSummary,
  isErrorShape,
  isClosedErrorShape,
  isSessionResponse,
  isTokenCreateResponse,
  isFrameStatusResponse,
  isVaultErrorBody,
  isPlainObject,
  LIMITS,
  MAX_POSTAL,
  MAX_REQUEST_ID,
  MAX_SHORT_TEXT,
} from './guards/index';
