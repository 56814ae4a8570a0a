/**
 * Every string a shopper sees or hears inside a field frame, per locale. Keys of `errors` are the
 * card error codes of @tokenframe/protocol (kept as plain strings here: fields imports only card).
 */
export interface Messages {
  dir: 'ltr' | 'rtl';
  labels: Record<InputKind, string>;
  placeholders: Record<InputKind, string>;
  errors: Record<FieldErrorCode, string>;
  /** Name of the network choice of a co-badged card (a radio group of network marks). */
  network: string;
  /** Shown when the frame refuses to run (opaque origin, no WebCrypto, bad parameters). */
  unavailable: string;
}

export type InputKind = 'number' | 'expiry' | 'cvc' | 'name' | 'postal';
export type FieldErrorCode =
  | 'incomplete_number'
  | 'invalid_number'
  | 'incomplete_expiry'
  | 'invalid_expiry'
  | 'expired_card'
  | 'incomplete_cvc'
  | 'invalid_cvc'
  | 'incomplete_name'
  | 'incomplete_postal'
  | 'invalid_postal';

export const LOCALES = ['en', 'de', 'fr', 'es', 'ja', 'ar'] as const;
export type LocaleId = (typeof LOCALES)[number];

const en: Messages = {
  dir: 'ltr',
  labels: {
    number: 'Card number',
    expiry: 'Expiration date (MM / YY)',
    cvc: 'Security code (CVC)',
    name: 'Name on card',
    postal: 'Postal code',
  },
  placeholders: { number: '1234 1234 1234 1234', expiry: 'MM / YY', cvc: 'CVC', name: 'Full name', postal: 'Postal code' },
  errors: {
    incomplete_number: 'Your card number is incomplete.',
    invalid_number: 'Your card number is invalid.',
    incomplete_expiry: "Your card's expiration date is incomplete.",
    invalid_expiry: "Your card's expiration date is invalid.",
    expired_card: 'Your card has expired.',
    incomplete_cvc: "Your card's security code is incomplete.",
    invalid_cvc: "Your card's security code is invalid.",
    incomplete_name: 'Enter the name on your card.',
    incomplete_postal: 'Your postal code is incomplete.',
    invalid_postal: 'Your postal code is invalid.',
  },
  network: 'Card network',
  unavailable: 'Secure card entry is unavailable on this page.',
};

const loaded: Partial<Record<LocaleId, Messages>> = { en };

/** The strings of a locale already loaded (see loadLocale); English until then. */
export function messagesFor(locale: LocaleId): Messages {
  return loaded[locale] ?? en;
}

/** True when a locale's strings are here (English always is): no render needs to wait for them. */
export function isLocaleLoaded(locale: LocaleId): boolean {
  return loaded[locale] !== undefined;
}

/** Loads a locale's strings (a small chunk per locale, from 'self'); English is always there. */
export async function loadLocale(locale: LocaleId): Promise<Messages> {
  if (loaded[locale]) return loaded[locale];
  const m = await importLocale(locale);
  loaded[locale] = m;
  return m;
}

function importLocale(locale: LocaleId): Promise<Messages> {
  switch (locale) {
    case 'de':
      return import('./de').then((x) => x.de);
    case 'fr':
      return import('./fr').then((x) => x.fr);
    case 'es':
      return import('./es').then((x) => x.es);
    case 'ja':
      return import('./ja').then((x) => x.ja);
    case 'ar':
      return import('./ar').then((x) => x.ar);
    default:
      return Promise.resolve(en);
  }
}
