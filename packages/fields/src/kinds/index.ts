import type { InputKind } from '../locale/messages';
import { cvcKind } from './cvc-kind';
import { expiryKind } from './expiry-kind';
import type { InputKindSpec } from './input-kind-spec';
import { nameKind } from './name-kind';
import { numberKind } from './number-kind';
import { postalKind } from './postal-kind';

export const KINDS: Record<InputKind, InputKindSpec> = {
  number: numberKind,
  expiry: expiryKind,
  cvc: cvcKind,
  name: nameKind,
  postal: postalKind,
};
export type { InputKindSpec, KindContext, KindState } from './input-kind-spec';
