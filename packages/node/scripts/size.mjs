// `node scripts/size.mjs` (after `pnpm run build`): what a merchant's server loads — dist as shipped
// (file count, bytes, gzip) and bundled + minified (min+gzip), with node:crypto external.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Buffer } from 'node:buffer';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const dist = new URL('../dist/', import.meta.url).pathname;
const files = readdirSync(dist, { recursive: true })
  .map(String)
  .filter((f) => statSync(join(dist, f)).isFile());
const js = files.filter((f) => f.endsWith('.js'));
const sum = (list, f) => list.reduce((n, name) => n + f(readFileSync(join(dist, name))), 0);
const out = await build({
  logLevel: 'silent',
  configFile: false,
  build: {
    write: false,
    minify: true,
    ssr: join(dist, 'index.js'),
    target: 'node20',
    rollupOptions: { external: [/^node:/], output: { format: 'es' } },
  },
});
const code = (Array.isArray(out) ? out : [out])
  .flatMap((o) => o.output)
  .filter((c) => c.type === 'chunk')
  .map((c) => c.code)
  .join('');
process.stdout.write(
  JSON.stringify(
    {
      files: files.length,
      jsFiles: js.length,
      dtsFiles: files.filter((f) => f.endsWith('.d.ts')).length,
      jsBytes: sum(js, (b) => b.length),
      jsGzipBytes: sum(js, (b) => gzipSync(b).length),
      minBytes: Buffer.byteLength(code),
      minGzipBytes: gzipSync(code).length,
    },
    null,
    2,
  ) + '\n',
);
