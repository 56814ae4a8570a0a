/**
 * Every string a shopper sees or hears inside a field frame, per locale. Keys of `errors` are the
 * card error codes of @tokenframe/protocol (kept as plain strings here: fields imports only card).
 */
export interface Messages {
  dir: 'ltr' | 'rtl';
  labels: Record<InputKind, string>;
  placeholders: Record<InputKind, string>;
  errors: Record<FieldErrorCode, string>;
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

const en: Messages = {
  dir: 'ltr',
  labels: { number: 'Card number', expiry: 'Expiration date (MM / YY)', cvc: 'Security code (CVC)', name: 'Name on card', postal: 'Postal code' },
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
  unavailable: 'Secure card entry is unavailable on this page.',
};

const de: Messages = {
  dir: 'ltr',
  labels: { number: 'Kartennummer', expiry: 'Ablaufdatum (MM / JJ)', cvc: 'Prüfnummer (CVC)', name: 'Name auf der Karte', postal: 'Postleitzahl' },
  placeholders: { number: '1234 1234 1234 1234', expiry: 'MM / JJ', cvc: 'CVC', name: 'Vollständiger Name', postal: 'PLZ' },
  errors: {
    incomplete_number: 'Die Kartennummer ist unvollständig.',
    invalid_number: 'Die Kartennummer ist ungültig.',
    incomplete_expiry: 'Das Ablaufdatum ist unvollständig.',
    invalid_expiry: 'Das Ablaufdatum ist ungültig.',
    expired_card: 'Die Karte ist abgelaufen.',
    incomplete_cvc: 'Die Prüfnummer ist unvollständig.',
    invalid_cvc: 'Die Prüfnummer ist ungültig.',
    incomplete_name: 'Geben Sie den Namen auf der Karte ein.',
    incomplete_postal: 'Die Postleitzahl ist unvollständig.',
    invalid_postal: 'Die Postleitzahl ist ungültig.',
  },
  unavailable: 'Die sichere Karteneingabe ist auf dieser Seite nicht verfügbar.',
};

const fr: Messages = {
  dir: 'ltr',
  labels: { number: 'Numéro de carte', expiry: "Date d'expiration (MM / AA)", cvc: 'Cryptogramme (CVC)', name: 'Nom sur la carte', postal: 'Code postal' },
  placeholders: { number: '1234 1234 1234 1234', expiry: 'MM / AA', cvc: 'CVC', name: 'Nom complet', postal: 'Code postal' },
  errors: {
    incomplete_number: 'Le numéro de carte est incomplet.',
    invalid_number: 'Le numéro de carte est invalide.',
    incomplete_expiry: "La date d'expiration est incomplète.",
    invalid_expiry: "La date d'expiration est invalide.",
    expired_card: 'La carte a expiré.',
    incomplete_cvc: 'Le cryptogramme est incomplet.',
    invalid_cvc: 'Le cryptogramme est invalide.',
    incomplete_name: 'Saisissez le nom figurant sur la carte.',
    incomplete_postal: 'Le code postal est incomplet.',
    invalid_postal: 'Le code postal est invalide.',
  },
  unavailable: 'La saisie sécurisée de carte est indisponible sur cette page.',
};

const es: Messages = {
  dir: 'ltr',
  labels: { number: 'Número de tarjeta', expiry: 'Fecha de caducidad (MM / AA)', cvc: 'Código de seguridad (CVC)', name: 'Nombre en la tarjeta', postal: 'Código postal' },
  placeholders: { number: '1234 1234 1234 1234', expiry: 'MM / AA', cvc: 'CVC', name: 'Nombre completo', postal: 'Código postal' },
  errors: {
    incomplete_number: 'El número de tarjeta está incompleto.',
    invalid_number: 'El número de tarjeta no es válido.',
    incomplete_expiry: 'La fecha de caducidad está incompleta.',
    invalid_expiry: 'La fecha de caducidad no es válida.',
    expired_card: 'La tarjeta ha caducado.',
    incomplete_cvc: 'El código de seguridad está incompleto.',
    invalid_cvc: 'El código de seguridad no es válido.',
    incomplete_name: 'Introduce el nombre que figura en la tarjeta.',
    incomplete_postal: 'El código postal está incompleto.',
    invalid_postal: 'El código postal no es válido.',
  },
  unavailable: 'La introducción segura de la tarjeta no está disponible en esta página.',
};

const ja: Messages = {
  dir: 'ltr',
  labels: { number: 'カード番号', expiry: '有効期限 (MM / YY)', cvc: 'セキュリティコード (CVC)', name: 'カード名義', postal: '郵便番号' },
  placeholders: { number: '1234 1234 1234 1234', expiry: 'MM / YY', cvc: 'CVC', name: '氏名', postal: '郵便番号' },
  errors: {
    incomplete_number: 'カード番号が不完全です。',
    invalid_number: 'カード番号が無効です。',
    incomplete_expiry: '有効期限が不完全です。',
    invalid_expiry: '有効期限が無効です。',
    expired_card: 'カードの有効期限が切れています。',
    incomplete_cvc: 'セキュリティコードが不完全です。',
    invalid_cvc: 'セキュリティコードが無効です。',
    incomplete_name: 'カード名義を入力してください。',
    incomplete_postal: '郵便番号が不完全です。',
    invalid_postal: '郵便番号が無効です。',
  },
  unavailable: 'このページでは安全なカード入力を利用できません。',
};

const ar: Messages = {
  dir: 'rtl',
  labels: { number: 'رقم البطاقة', expiry: 'تاريخ الانتهاء (MM / YY)', cvc: 'رمز الأمان (CVC)', name: 'الاسم على البطاقة', postal: 'الرمز البريدي' },
  placeholders: { number: '1234 1234 1234 1234', expiry: 'MM / YY', cvc: 'CVC', name: 'الاسم الكامل', postal: 'الرمز البريدي' },
  errors: {
    incomplete_number: 'رقم البطاقة غير مكتمل.',
    invalid_number: 'رقم البطاقة غير صالح.',
    incomplete_expiry: 'تاريخ انتهاء البطاقة غير مكتمل.',
    invalid_expiry: 'تاريخ انتهاء البطاقة غير صالح.',
    expired_card: 'انتهت صلاحية البطاقة.',
    incomplete_cvc: 'رمز الأمان غير مكتمل.',
    invalid_cvc: 'رمز الأمان غير صالح.',
    incomplete_name: 'أدخل الاسم المكتوب على البطاقة.',
    incomplete_postal: 'الرمز البريدي غير مكتمل.',
    invalid_postal: 'الرمز البريدي غير صالح.',
  },
  unavailable: 'إدخال البطاقة الآمن غير متاح في هذه الصفحة.',
};

export const MESSAGES = { en, de, fr, es, ja, ar } as const;
export type LocaleId = keyof typeof MESSAGES;
export const LOCALES = Object.keys(MESSAGES) as LocaleId[];
