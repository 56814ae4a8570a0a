/** Outbound HTTP under the vault's SSRF rules (docs/security.md, "Outbound requests"). */
export { classifyAddress, PRIVATE_CLASSES, type AddressClass } from './classify-address';
export { checkUrl, resolveChecked, type UrlCheck, type UrlPolicy } from './check-url';
export { safeRequest, type SafeRequestInput, type SafeResponse } from './safe-request';
export { OutboundError, isOutboundError, type OutboundErrorKind } from './outbound-error';
