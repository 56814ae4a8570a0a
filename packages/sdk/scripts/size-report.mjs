/* eslint-disable no-console -- a command-line report: printing is its job */
// Size report of the script-tag bundle (dist/tokenframe.js), built in memory with the package's own
// Vite config (mode `iife`), so the numbers are the ones the vault serves.
// `node scripts/size-report.mjs [rows]` prints:
// 1. the total (min, min+gzip level 9);
// 2. per module, its rendered code minified and gzipped on its own: a ranking, not a split (gzip
//    shares one dictionary across modules, so these add up to far more than the total);
// 3. the nested parts the page cannot do without, each built alone (guards ⊂ channel ⊂ SDK);
// 4. per top-level declaration of the real minified bundle, in order, what it adds to the gzipped
//    prefix before it: these add up exactly to the total. Repeated code costs little here; text and
//    logic seen once cost what they weigh.
import { gzipSync } from 'node:zlib';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, minifySync, parseSync } from 'vite';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const gz = (code) => gzipSync(code, { level: 9 }).length;
const limit = Number(process.argv[2] ?? 30);

const out = await build({ root: packageDir, mode: 'iife', logLevel: 'silent', build: { write: false } });
const chunk = (Array.isArray(out) ? out[0] : out).output[0];
const code = chunk.code;
console.log(`tokenframe.js: ${code.length} B min, ${gz(code)} B min+gzip\n`);

const modules = Object.entries(chunk.modules)
  .filter(([, m]) => m.renderedLength > 0)
  .map(([id, m]) => {
    const min = minifySync('m.js', m.code, { compress: { unused: false }, mangle: { toplevel: true }, module: true }).code;
    return { module: relative(join(packageDir, '../..'), id), min: min.length, 'min+gzip alone': gz(min) };
  })
  .sort((a, b) => b['min+gzip alone'] - a['min+gzip alone']);
console.table(modules);

// Nested parts, each bundled alone from a virtual entry, minified the same way.
const PARTS = {
  'page-side guards (HELLO, FrameEvent, FrameReply, FrameStatusResponse)':
    "import { isFrameEvent, isFrameReply, isFrameStatusResponse, isHelloMessage } from '@tokenframe/protocol'; globalThis.x = [isFrameEvent, isFrameReply, isFrameStatusResponse, isHelloMessage];",
  '+ channel page side (connectToFrame)':
    "import { connectToFrame } from '@tokenframe/channel'; import { isFrameStatusResponse } from '@tokenframe/protocol'; globalThis.x = [connectToFrame, isFrameStatusResponse];",
};
const parts = {};
for (const [name, source] of Object.entries(PARTS)) {
  // Vite resolves a lib entry against the root: catch it as `<root>/__part__`.
  const virtual = {
    name: 'part',
    enforce: 'pre',
    resolveId: (id) => (id.endsWith('__part__') ? '\0part' : undefined),
    load: (id) => (id === '\0part' ? source : undefined),
  };
  const built = await build({
    root: packageDir,
    configFile: false,
    logLevel: 'silent',
    plugins: [virtual],
    build: { write: false, minify: true, target: 'es2022', lib: { entry: '__part__', formats: ['iife'], name: 'Part' } },
  });
  parts[name] = { 'min+gzip alone': gz((Array.isArray(built) ? built[0] : built).output[0].code) };
}
parts['+ the SDK (the whole core)'] = { 'min+gzip alone': gz(code) };
console.table(parts);

// The IIFE body: (function(){ …declarations… })();
let call = parseSync('b.js', code).program.body[0].expression;
while (call.type !== 'CallExpression') call = call.expression;
let fn = call.callee;
while (fn.type === 'ParenthesizedExpression') fn = fn.expression;
const declarations = fn.body.body.flatMap((s) => (s.type === 'VariableDeclaration' ? s.declarations : [s]));
let before = 0;
const rows = declarations.map((d) => {
  const size = gz(code.slice(0, d.end));
  const row = { 'adds (gzip)': size - before, declaration: code.slice(d.start, d.start + 72) };
  before = size;
  return row;
});
console.log(`\nlargest ${limit} of ${rows.length} top-level declarations, by what each adds to the gzipped bundle:`);
console.table(rows.sort((a, b) => b['adds (gzip)'] - a['adds (gzip)']).slice(0, limit));
