// The public surface of @tokenframe/fields (STYLE.md §10). Importing this registers nothing;
// import '@tokenframe/fields/define' to register <tf-input> and <tf-card>.
export { TfInput } from './tf-input';
export { TfCard } from './tf-card';
export { STYLE_SELECTORS } from './field-change';
export type { FieldChange, FieldElement, FieldValues } from './field-change';
export { LOCALES, messagesFor, loadLocale } from './locale/messages';
export type { Messages, InputKind, FieldErrorCode, LocaleId } from './locale/messages';
export { resolveLocale } from './locale/resolve-locale';
export { reformat, skipSeparators, isDigit } from './reformat';
export { selectedNetwork, networkName } from './network-choice';
export type { Edit, Formatted } from './reformat';
export { KINDS } from './kinds/index';
export type { InputKindSpec, KindContext, KindState } from './kinds/index';
