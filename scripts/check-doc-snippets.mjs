// Every JavaScript/TypeScript snippet in the user-facing docs must compile in a strict app: each
// ```js/ts/tsx block of the files below has to appear, line for line (indentation and blank lines
// aside), in examples/npm-app/src, which scripts/check-packages.mjs type-checks against the packed
// packages (strict, bundler and node16). A block that cannot be checked there says why on the line
// before it: <!-- snippet not type-checked: … -->.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DOCS = ['README.md', 'docs/integration.md', 'packages/sdk/README.md'];
const EXAMPLES = 'examples/npm-app/src';
const normalize = (text) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

function* files(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) yield* files(join(dir, e.name));
    else if (/\.tsx?$/.test(e.name)) yield join(dir, e.name);
  }
}
const examples = [...files(EXAMPLES)].map((f) => normalize(readFileSync(f, 'utf8')));
const contains = (hay, needle) => hay.some((_, i) => needle.every((line, j) => hay[i + j] === line));

let checked = 0;
const missing = [];
for (const doc of DOCS) {
  const lines = readFileSync(doc, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(js|ts|tsx|jsx)\s*$/.exec(lines[i]);
    if (!open) continue;
    const end = lines.indexOf('```', i + 1);
    const before = lines
      .slice(0, i)
      .reverse()
      .find((l) => l.trim());
    const body = normalize(lines.slice(i + 1, end).join('\n'));
    if (!/<!-- snippet not type-checked: .+ -->/.test(before ?? '')) {
      checked++;
      if (!examples.some((e) => contains(e, body))) missing.push(`${doc}:${i + 1} (${open[1]}, ${body.length} lines, starts "${body[0]}")`);
    }
    i = end;
  }
}
if (missing.length) {
  console.error(
    `These doc snippets are not in ${EXAMPLES} (copy each into a file there, with the declarations it needs, so it is type-checked):\n  ${missing.join('\n  ')}`,
  );
  process.exit(1);
}
console.log(`doc snippets: ${checked} of ${DOCS.join(', ')} are in ${EXAMPLES} (type-checked by scripts/check-packages.mjs)`);
