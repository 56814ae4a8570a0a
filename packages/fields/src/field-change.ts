import type { FieldErrorCode, InputKind } from './locale/messages';

/**
 * What a field element tells the frame on `tf-change`: state only, never the value. The frame adds
 * the field type and forwards it to the page as the `change` event.
 */
export interface FieldChange {
  empty: boolean;
  complete: boolean;
  /** Number inputs only: the detected brand id, 'unknown' while undetectable. */
  brand?: string;
  networks?: string[];
  /** Co-badged numbers only: the selected network, one of `networks`. */
  network?: string;
  /** Present only after the shopper left the field or tried to submit. */
  error?: { code: FieldErrorCode; message: string };
}

/** Values by input kind; read by the frame only to hand them to its controller. */
export type FieldValues = Partial<Record<InputKind, string>> & { network?: string };

/** The surface the frame drives, shared by <tf-input> and <tf-card>. */
export interface FieldElement extends HTMLElement {
  locale: string;
  placeholder: string | undefined;
  label: string | undefined;
  disabled: boolean;
  /** Co-badged cards: the network selected until the shopper picks one (number inputs only). */
  preferredNetwork: string | undefined;
  readValues(): FieldValues;
  applyValues(values: FieldValues): void;
  reveal(): void;
  clear(): void;
  readonly change: FieldChange;
}

/** The classes a merchant style spec maps to (see apps/frame's style sheet builder). */
export const STYLE_SELECTORS = {
  base: '.tf-input',
  complete: '.tf-input.is-complete',
  empty: '.tf-input.is-empty',
  invalid: '.tf-input.is-invalid',
} as const;
