/**
 * Size of what the frame ships for sealing, min+gzip. Budget: well under 1 kB (DESIGN.md, "Tokenize").
 * Run: `pnpm exec tsx packages/crypto/bench/seal-size.ts` (SHOW=1 prints the bundle).
 */
import { gzipSync } from 'node:zlib';
import { bundleSeal } from './bundle-seal';

const code = Buffer.from(await bundleSeal('es'));
if (process.env.SHOW) process.stdout.write(`${code.toString()}\n`);
process.stdout.write(
  `${JSON.stringify({ entry: 'src/seal/index.ts', minBytes: code.length, minGzipBytes: gzipSync(code, { level: 9 }).length })}\n`,
);
