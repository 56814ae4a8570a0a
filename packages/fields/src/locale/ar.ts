import type { Messages } from './messages';

// Loaded on demand (a separate chunk): only English ships in every frame document.
export const ar: Messages = {
  dir: 'rtl',
  labels: {
    number: 'رقم البطاقة',
    expiry: 'تاريخ الانتهاء (MM / YY)',
    cvc: 'رمز الأمان (CVC)',
    name: 'الاسم على البطاقة',
    postal: 'الرمز البريدي',
  },
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
  network: 'شبكة البطاقة',
  unavailable: 'إدخال البطاقة الآمن غير متاح في هذه الصفحة.',
};
