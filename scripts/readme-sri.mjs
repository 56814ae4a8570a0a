// Keeps the README's pinned <script integrity> hash equal to the SDK build the vault serves
// (DESIGN.md: SRI hashes are published at /v1/sri.json "and in the README").
//   node scripts/readme-sri.mjs --check   exit 1 when the README is stale (run by `pnpm test` after the build)
//   node scripts/readme-sri.mjs --write   rewrite the hash and version in README.md
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const bundle = readFileSync('packages/sdk/dist/tokenframe.js');
const version = JSON.parse(readFileSync('packages/sdk/package.json', 'utf8')).version;
const integrity = `sha384-${createHash('sha384').update(bundle).digest('base64')}`;
const readme = readFileSync('README.md', 'utf8');
const pattern = /(\/v1\/tokenframe-)[0-9A-Za-z.-]+(\.js"\s+integrity=")sha384-[A-Za-z0-9+/=]+(")/;
if (!pattern.test(readme)) {
  console.error('README.md has no pinned <script src=".../v1/tokenframe-X.js" integrity="sha384-..."> tag.');
  process.exit(1);
}
const updated = readme.replace(pattern, `$1${version}$2${integrity}$3`);
if (process.argv.includes('--write')) {
  writeFileSync('README.md', updated);
  console.log(`README.md: tokenframe-${version}.js ${integrity}`);
} else if (updated !== readme) {
  console.error(
    `README.md pins a stale SDK hash. The current build is ${integrity}.\nRun: pnpm run build && node scripts/readme-sri.mjs --write`,
  );
  process.exit(1);
} else {
  console.log(`README.md pins the current SDK build (${integrity}).`);
}
