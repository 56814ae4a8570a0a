import type { Messages } from './messages';

// Loaded on demand (a separate chunk): only English ships in every frame document.
export const fr: Messages = {
  dir: 'ltr',
  labels: {
    number: 'Numéro de carte',
    expiry: "Date d'expiration (MM / AA)",
    cvc: 'Cryptogramme (CVC)',
    name: 'Nom sur la carte',
    postal: 'Code postal',
  },
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
  network: 'Réseau de la carte',
  unavailable: 'La saisie sécurisée de carte est indisponible sur cette page.',
};
