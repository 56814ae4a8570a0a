/** Every field a merchant can create. `card` is number + expiry + CVC in one frame (best for autofill). */
export const FIELD_TYPES = ['card', 'cardNumber', 'cardExpiry', 'cardCvc', 'cardholderName', 'postalCode'] as const;

export type FieldType = (typeof FIELD_TYPES)[number];

/** A frame is either one field or the hidden controller of a mount. */
export type FrameRole = FieldType | 'controller';

export function isFieldType(x: unknown): x is FieldType {
  return typeof x === 'string' && (FIELD_TYPES as readonly string[]).includes(x);
}

export function isFrameRole(x: unknown): x is FrameRole {
  return x === 'controller' || isFieldType(x);
}
