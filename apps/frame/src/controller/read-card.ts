/**
 * Turns what the field frames handed over into the card part of the sealed claims, or the first
 * shopper error (an incomplete form never reaches the network). Rules come from @tokenframe/card.
 */
import { normalizeDigits, validateCvc, validateExpiry, validateNumber } from '@tokenframe/card';
import { KINDS, messagesFor } from '@tokenframe/fields';
import type { FieldErrorCode, LocaleId } from '@tokenframe/fields';
import type { FieldType, SealedClaims, TokenframeErrorShape, TokenizeExtra } from '@tokenframe/protocol';
import type { Collected } from '../mount/controller-peer';

/** The card part of the sealed claims; the tokenizer adds aud, pk, sid, origin, iat and jti. */
export type CardData = Pick<SealedClaims, 'pan' | 'expMonth' | 'expYear' | 'cvc' | 'name' | 'postal' | 'network'>;

export type CardRead = { ok: true; card: CardData } | { ok: false; error: TokenframeErrorShape };

export function readCard({ fields, values, missing }: Collected, extra: TokenizeExtra | undefined, locale: LocaleId = 'en'): CardRead {
  // A mounted field whose value never arrived: sealing without it (a card without its CVC) is worse
  // than asking the shopper to try again. Not the shopper's input: a network_error naming the field.
  const silent = missing[0];
  if (silent !== undefined)
    return {
      ok: false,
      error: { type: 'network_error', code: 'timeout', message: `The ${silent} field did not answer in time: try again.`, field: silent },
    };
  const has = (f: FieldType) => fields.includes(f);
  const fail = (code: FieldErrorCode, field: FieldType): CardRead => ({
    ok: false,
    error: { type: 'card_error', code, message: messagesFor(locale).errors[code], field },
  });
  const inCard = (split: FieldType): FieldType => (has('card') ? 'card' : split);

  const pan = normalizeDigits(values.number ?? '');
  const number = validateNumber(pan);
  if (!number.isValid) return fail(number.code ?? 'invalid_number', inCard('cardNumber'));
  const expiry = validateExpiry(values.expiry ?? '');
  if (!expiry.isValid || expiry.month === undefined || expiry.year === undefined)
    return fail(expiry.code ?? 'invalid_expiry', inCard('cardExpiry'));
  const card: CardData = { pan, expMonth: expiry.month, expYear: expiry.year };
  // Co-badged: the network the shopper selected in the number field, sealed only when this number can
  // route on it (the vault refuses any other; the field offers only these).
  const networks = number.brand?.networks ?? [];
  if (values.network !== undefined && networks.length > 1 && networks.includes(values.network)) card.network = values.network;

  if (has('card') || has('cardCvc')) {
    const cvc = normalizeDigits(values.cvc ?? '');
    const v = validateCvc(cvc, number.brand);
    if (!v.isValid) return fail(v.code ?? 'invalid_cvc', inCard('cardCvc'));
    card.cvc = cvc;
  }
  const name = has('cardholderName') ? values.name : extra?.name;
  if (has('cardholderName') && KINDS.name.evaluate(name ?? '', {}).code) return fail('incomplete_name', 'cardholderName');
  if (name !== undefined && name.trim() !== '') card.name = name.trim();
  const postal = has('postalCode') ? values.postal : extra?.postal;
  if (has('postalCode')) {
    const code = KINDS.postal.evaluate(postal ?? '', {}).code;
    if (code) return fail(code, 'postalCode');
  }
  if (postal !== undefined && postal.trim() !== '') card.postal = postal.trim();
  return { ok: true, card };
}
