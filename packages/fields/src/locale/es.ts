import type { Messages } from './messages';

// Loaded on demand (a separate chunk): only English ships in every frame document.
export const es: Messages = {
  dir: 'ltr',
  labels: {
    number: 'Número de tarjeta',
    expiry: 'Fecha de caducidad (MM / AA)',
    cvc: 'Código de seguridad (CVC)',
    name: 'Nombre en la tarjeta',
    postal: 'Código postal',
  },
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
  network: 'Red de la tarjeta',
  unavailable: 'La introducción segura de la tarjeta no está disponible en esta página.',
};
