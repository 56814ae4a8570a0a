// `pnpm typecheck`: `tsc -b` over the solution-style root tsconfig.json (every package's own
// tsconfig.json, each pinning its environment: DOM, Node or neither), then any extra
// tsconfig.*.json beside them (e.g. packages/sdk/tsconfig.build.json). Fails when a workspace
// package has a tsconfig.json the root does not reference: a new package is one line in tsconfig.json.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';

const root = JSON.parse(readFileSync('tsconfig.json', 'utf8').replace(/^\s*\/\/.*$/gm, ''));
const referenced = new Set(root.references.map((r) => normalize(r.path)));
const dirs = ['packages', 'apps'].flatMap((d) => readdirSync(d).map((n) => join(d, n))).concat(['e2e', 'bench', 'examples']);
const missing = dirs.filter((dir) => existsSync(join(dir, 'tsconfig.json')) && !referenced.has(normalize(dir)));
let failed = 0;
for (const dir of missing) {
  failed++;
  console.error(
    `typecheck: ${dir}/tsconfig.json is not referenced by the root tsconfig.json: add { "path": "./${dir}" } to its references.`,
  );
}
const extras = [...referenced].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => /^tsconfig\..+\.json$/.test(f))
    .map((f) => join(dir, f)),
);
const run = (args, label) => {
  try {
    execFileSync('pnpm', ['exec', 'tsc', ...args], { stdio: 'inherit' });
  } catch {
    failed++;
    console.error(`typecheck failed: ${label}`);
  }
};
run(['-b', 'tsconfig.json'], `tsc -b (${referenced.size} projects)`);
for (const cfg of extras) run(['-p', cfg, '--noEmit'], cfg);
console.log(`typecheck: ${referenced.size} projects + ${extras.length} extra config(s), ${failed ? `${failed} failed` : 'clean'}`);
process.exit(failed ? 1 : 0);
