import { fieldFrames, type Scope } from './field-frames';

export interface CardInput {
  number?: string;
  /** As a shopper types it: '12/34' or '1234'. */
  expiry?: string;
  cvc?: string;
  name?: string;
  postalCode?: string;
}

/** Accessible names of the inputs inside the frames (English defaults; override for other locales). */
export type CardLabels = Record<keyof CardInput, string | RegExp>;

export const DEFAULT_LABELS: CardLabels = {
  number: /card number/i,
  expiry: /expir/i,
  cvc: /cvc|cvv|security code/i,
  name: /name/i,
  postalCode: /postal|zip/i,
};

// Which frame holds each input: the combined `card` frame or the split field.
const FRAMES: Record<keyof CardInput, string[]> = {
  number: ['cardNumber', 'card'],
  expiry: ['cardExpiry', 'card'],
  cvc: ['cardCvc', 'card'],
  name: ['cardholderName'],
  postalCode: ['postalCode'],
};

/**
 * Fills Tokenframe fields the way a shopper would, by accessible name inside the frames, for a
 * merchant's own Playwright tests:
 *
 *   await fillCard(page, { number: '4242 4242 4242 4242', expiry: '12/34', cvc: '123' });
 *
 * Throws if a value is given for a field that is not on the page.
 */
export async function fillCard(scope: Scope, card: CardInput, labels: Partial<CardLabels> = {}): Promise<void> {
  const frames = await fieldFrames(scope);
  for (const key of Object.keys(card) as (keyof CardInput)[]) {
    const value = card[key];
    if (value === undefined) continue;
    const frame = FRAMES[key].map((type) => frames.get(type)).find(Boolean);
    if (!frame) throw new Error(`fillCard: no Tokenframe field for '${key}' on the page (looked for ${FRAMES[key].join(' or ')}).`);
    await frame.getByLabel(labels[key] ?? DEFAULT_LABELS[key]).fill(value);
  }
}
