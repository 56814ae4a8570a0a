// Run by scripts/check-packages.mjs inside the scratch copy of this app: looks each token up with
// the installed @tokenframe/node (what the merchant's server does with the token the page sent).
// Prints one JSON line per token: {"token","card"}. Env: SECRET_KEY, VAULT_URL; argv: the tokens.
import { Tokenframe } from '@tokenframe/node';

const tf = new Tokenframe(process.env.SECRET_KEY ?? '', { vaultUrl: process.env.VAULT_URL ?? '', maxRetries: 0 });
for (const token of process.argv.slice(2)) {
  const { card } = await tf.tokens.retrieve(token);
  console.log(JSON.stringify({ token, card: { brand: card.brand, last4: card.last4 } }));
}
