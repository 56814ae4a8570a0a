// After `tsc -p tsconfig.build.json`, make dist/types what an npm user's TypeScript can read under
// every moduleResolution (node16/nodenext, bundler) with skipLibCheck false:
// 1. the bundled workspace packages (protocol, channel) are not published on their own, so their
//    imports point at the copies of their declarations in dist/types;
// 2. every relative specifier gets its `.js` extension (`./field` → `./field.js`, `./guards` →
//    `./guards/index.js`): node16 refuses extensionless relative imports in an ESM package (TS2834),
//    and with skipLibCheck the whole package would silently be `any`.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const types = new URL('../dist/types/', import.meta.url).pathname;
const targets = { '@tokenframe/protocol': 'protocol/src/index.js', '@tokenframe/channel': 'channel/src/index.js' };

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (path.endsWith('.d.ts')) yield path;
  }
}

function withExtension(file, spec) {
  if (!spec.startsWith('.') || spec.endsWith('.js')) return spec;
  const target = resolve(dirname(file), spec);
  if (existsSync(`${target}.d.ts`)) return `${spec}.js`;
  if (existsSync(join(target, 'index.d.ts'))) return `${spec}/index.js`;
  throw new Error(`link-types: ${relative(types, file)} imports '${spec}', which has no declaration in dist/types.`);
}

// `from '…'`, `import '…'` and `import('…')` in declarations.
const SPECIFIER = /(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"]+)\2/g;
for (const file of walk(types)) {
  const text = readFileSync(file, 'utf8');
  const linked = text.replace(SPECIFIER, (_m, lead, quote, spec) => {
    if (spec in targets) {
      const rel = relative(dirname(file), join(types, targets[spec]));
      return `${lead}${quote}${rel.startsWith('.') ? rel : `./${rel}`}${quote}`;
    }
    return `${lead}${quote}${withExtension(file, spec)}${quote}`;
  });
  if (linked !== text) writeFileSync(file, linked);
}
