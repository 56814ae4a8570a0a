/**
 * Throws at construction for anything but a secret key, with a message that says which key goes
 * where. The message never repeats the key (it would end up in a log).
 */
export function checkSecretKey(key: unknown): 'test' | 'live' {
  if (typeof key !== 'string' || key === '') {
    throw new TypeError(
      'new Tokenframe(secretKey, …): secretKey is missing. Pass your secret key (sk_test_… or sk_live_…), e.g. from process.env.TOKENFRAME_SECRET_KEY.',
    );
  }
  if (/^pk_(test|live)_/.test(key)) {
    throw new TypeError(
      'new Tokenframe(secretKey, …) got a publishable key (pk_…). The publishable key goes in the browser (Tokenframe.load); ' +
        'this server library needs the secret key (sk_test_… or sk_live_…), which must never reach a browser.',
    );
  }
  const mode = /^sk_(test|live)_[A-Za-z0-9_-]{16,}$/.exec(key)?.[1];
  if (mode !== 'test' && mode !== 'live') {
    throw new TypeError(
      'new Tokenframe(secretKey, …): that is not a Tokenframe secret key. Secret keys start with sk_test_ or sk_live_ (`pnpm vault keys create --type secret`).',
    );
  }
  return mode;
}
