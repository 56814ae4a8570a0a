import type { Messages } from './messages';

// Loaded on demand (a separate chunk): only English ships in every frame document.
export const ja: Messages = {
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
  network: 'カードネットワーク',
  unavailable: 'このページでは安全なカード入力を利用できません。',
};
