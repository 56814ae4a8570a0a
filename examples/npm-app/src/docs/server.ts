// docs/integration.md, "5. Your server": the merchant backend looks the token up with its secret key.
declare function badRequest(): Response;

export async function pay(token: string) {
  // #region docs/integration.md: server
  // POST /api/pay {token}: look the token up (apps/demo/src/charge-token.ts charges it with @tokenframe/node)
  if (!/^tok_[A-Za-z0-9_-]{1,64}$/.test(token)) return badRequest();
  const res = await fetch(`https://vault.example.com/v1/tokens/${token}`, {
    headers: { authorization: `Bearer ${process.env.TOKENFRAME_SECRET_KEY}` },
  });
  const { card } = await res.json(); // { brand, bin, last4, expMonth, expYear, fingerprint, network? }
  // #endregion
  return card as unknown;
}
