/**
 * Opens per second on one core: our `openJwe` (node:crypto, synchronous) against `jose`
 * compactDecrypt, same JWEs, same process, rounds interleaved so machine noise hits both.
 * Run: `pnpm exec tsx packages/crypto/bench/open-throughput.ts` (ROUND_MS to change the window).
 */
import { compactDecrypt, importJWK } from 'jose';
import { createKeyring, jwksOf, privateKeyFor } from '../src/keys';
import { openJwe } from '../src/open';
import { sealJwe } from '../src/seal';

const ROUND_MS = Number(process.env.ROUND_MS ?? 1500);
const ROUNDS = 3;
const keyring = createKeyring(Date.now());
const lookup = privateKeyFor(keyring);
const jwk = jwksOf(keyring).keys[0]!;
// jose gets a CryptoKey imported once (its fastest path), not a KeyObject it would convert per call.
const joseKey = await importJWK({ ...keyring.keys[0]!.privateJwk }, 'ECDH-ES');
const claims = {
  pan: '4242424242424242',
  expMonth: 12,
  expYear: 2030,
  cvc: '123',
  aud: 'vault',
  pk: 'pk_test_x',
  sid: 's',
  origin: 'http://localhost:5173',
  iat: 1,
  jti: 'j',
};
const jwes = await Promise.all(Array.from({ length: 256 }, () => sealJwe(claims, jwk)));
const joseOptions = { keyManagementAlgorithms: ['ECDH-ES'], contentEncryptionAlgorithms: ['A256GCM'] };

function ours(): number {
  let n = 0;
  const end = performance.now() + ROUND_MS;
  while (performance.now() < end) {
    if (!openJwe(jwes[n++ % jwes.length]!, lookup).ok) throw new Error('openJwe failed on a valid JWE');
  }
  return (n * 1000) / ROUND_MS;
}

async function jose(): Promise<number> {
  let n = 0;
  const end = performance.now() + ROUND_MS;
  while (performance.now() < end) await compactDecrypt(jwes[n++ % jwes.length]!, joseKey, joseOptions);
  return (n * 1000) / ROUND_MS;
}

ours();
await jose(); // warm-up, not counted
const results = { openJwe: [] as number[], jose: [] as number[] };
for (let round = 0; round < ROUNDS; round++) {
  results.openJwe.push(ours());
  results.jose.push(await jose());
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const summary = { openJweOpsPerSec: Math.round(median(results.openJwe)), joseOpsPerSec: Math.round(median(results.jose)) };
process.stdout.write(
  `${JSON.stringify({ ...summary, ratio: +(summary.openJweOpsPerSec / summary.joseOpsPerSec).toFixed(2), rounds: results })}\n`,
);
