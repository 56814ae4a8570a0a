import type { Messages } from './messages';

// Loaded on demand (a separate chunk): only English ships in every frame document.
export const de: Messages = {
  dir: 'ltr',
  labels: {
    number: 'Kartennummer',
    expiry: 'Ablaufdatum (MM / JJ)',
    cvc: 'Prüfnummer (CVC)',
    name: 'Name auf der Karte',
    postal: 'Postleitzahl',
  },
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
  network: 'Kartennetzwerk',
  unavailable: 'Die sichere Karteneingabe ist auf dieser Seite nicht verfügbar.',
};
