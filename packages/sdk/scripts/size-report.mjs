/* eslint-disable no-console -- a command-line report: printing is its job */
// Size report of the script-tag bundle (dist/tokenframe.js), built in memory with the package's own
// Vite config (mode `iife`), so the numbers are the ones the vault serves.
// `node scripts/size-report.mjs` prints the total (min, min+gzip level 9) and, per module, the size
// of its rendered code minified and gzipped on its own: an attribution, not an exact split (gzip
// shares a dictionary across modules, so the per-module figures add up to more than the total).
import { gzipSync } from 'node:zlib';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, minifySync } from 'vite';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const gz = (code) => gzipSync(code, { level: 9 }).length;

const out = await build({ root: packageDir, mode: 'iife', logLevel: 'silent', build: { write: false } });
const chunk = (Array.isArray(out) ? out[0] : out).output[0];
console.log(`tokenframe.js: ${chunk.code.length} B min, ${gz(chunk.code)} B min+gzip`);

const rows = Object.entries(chunk.modules)
  .filter(([, m]) => m.renderedLength > 0)
  .map(([id, m]) => {
    const min = minifySync('m.js', m.code, { compress: { unused: false }, mangle: { toplevel: true }, module: true }).code;
    return { module: relative(join(packageDir, '../..'), id), rendered: m.renderedLength, min: min.length, gzip: gz(min) };
  })
  .sort((a, b) => b.gzip - a.gzip);
console.table(rows);
console.log(`sum of per-module min+gzip: ${rows.reduce((s, r) => s + r.gzip, 0)} B`);
