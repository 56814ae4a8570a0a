import type { FieldElement, InputKind, TfInput } from '@tokenframe/fields';
import type { FieldType } from '@tokenframe/protocol';

const KIND_OF: Record<Exclude<FieldType, 'card'>, InputKind> = {
  cardNumber: 'number',
  cardExpiry: 'expiry',
  cardCvc: 'cvc',
  cardholderName: 'name',
  postalCode: 'postal',
};

/** The element for a field type: <tf-card> for `card`, otherwise one <tf-input>. */
export function createField(doc: Document, type: FieldType): FieldElement {
  if (type === 'card') return doc.createElement('tf-card');
  const input: TfInput = doc.createElement('tf-input');
  input.kind = KIND_OF[type];
  // A split number frame carries hidden cc-exp/cc-csc/cc-name inputs so autofill fills in one pass.
  input.autofillCompanions = type === 'cardNumber';
  return input;
}
