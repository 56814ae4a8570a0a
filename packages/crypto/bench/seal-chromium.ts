/**
 * The seal in a real browser: the Vite bundle of src/seal runs in Chromium on a 127.0.0.1 page
 * (a secure context, so WebCrypto is there), and both openJwe and jose open the result in Node.
 * Run: `pnpm exec tsx packages/crypto/bench/seal-chromium.ts`.
 */
import { compactDecrypt } from 'jose';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright';
import { createKeyring, jwksOf, privateKeyFor } from '../src/keys';
import { openJwe } from '../src/open';
import { bundleSeal } from './bundle-seal';

const finderUrl = new URL('../../../scripts/chromium.mjs', import.meta.url).href;
const { findChromium, CHROMIUM_ARGS } = (await import(finderUrl)) as { findChromium: () => string; CHROMIUM_ARGS: string[] };

const keyring = createKeyring(Date.now());
const lookup = privateKeyFor(keyring);
const jwk = jwksOf(keyring).keys[0]!;
const script = await bundleSeal('iife', 'TokenframeSeal');
const page = `<!doctype html><meta charset="utf-8"><script>${script}</script>`;
const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
  const tab = await browser.newPage();
  await tab.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  const claims = { pan: '4242424242424242', expMonth: 12, expYear: 2030, jti: 'chromium' };
  const jwe = await tab.evaluate(
    ([c, k]) =>
      (globalThis as unknown as { TokenframeSeal: { sealJwe: (a: object, b: object) => Promise<string> } }).TokenframeSeal.sealJwe(c, k),
    [claims, jwk] as const,
  );
  const opened = openJwe(jwe, lookup);
  const viaJose = await compactDecrypt(jwe, lookup(jwk.kid)!, {
    keyManagementAlgorithms: ['ECDH-ES'],
    contentEncryptionAlgorithms: ['A256GCM'],
  });
  const ok =
    opened.ok &&
    JSON.stringify(opened.claims) === JSON.stringify(claims) &&
    new TextDecoder().decode(viaJose.plaintext) === JSON.stringify(claims);
  process.stdout.write(`${JSON.stringify({ browser: browser.version(), openJwe: opened.ok, jose: true, claimsMatch: ok })}\n`);
  if (!ok) process.exitCode = 1;
} finally {
  await browser.close();
  server.close();
}
