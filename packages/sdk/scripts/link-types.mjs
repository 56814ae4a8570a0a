// After `tsc -p tsconfig.build.json`: the bundled workspace packages (protocol, channel) are not
// published on their own, so point the emitted declarations at their copies in dist/types.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const types = new URL('../dist/types/', import.meta.url).pathname;
const targets = { '@tokenframe/protocol': 'protocol/src/index.js', '@tokenframe/channel': 'channel/src/index.js' };

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (path.endsWith('.d.ts')) yield path;
  }
}

for (const file of walk(types)) {
  const text = readFileSync(file, 'utf8');
  const linked = text.replace(/from '(@tokenframe\/(?:protocol|channel))'/g, (_m, name) => {
    const rel = relative(dirname(file), join(types, targets[name]));
    return `from '${rel.startsWith('.') ? rel : `./${rel}`}'`;
  });
  if (linked !== text) writeFileSync(file, linked);
}
