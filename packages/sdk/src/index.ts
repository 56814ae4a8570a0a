// The public surface of @tokenframe/sdk: an explicit list (STYLE.md §10). Importing this module
// touches no browser global; everything happens when loadTokenframe() runs.
export { loadTokenframe } from './load-tokenframe';
export type { LoadOptions, Tokenframe } from './create-tokenframe';
export type { Fields, FieldsOptions, FieldsChangeEvent, FieldsEventMap } from './fields';
export type { Field, FieldEvent, FieldEventMap, MountOptions } from './field';
export { TokenframeError } from './tokenframe-error';
export type {
  FieldType,
  FieldConfig,
  ChangeDetail,
  TokenizeExtra,
  TokenizeResult,
  CardSummary,
  StyleSpec,
  ErrorCode,
  ErrorType,
  TokenframeErrorShape,
} from '@tokenframe/protocol';
