// Type-checks every tsconfig*.json in the workspace (each pins its own environment: DOM or Node or neither).
import { execFileSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const roots = ['packages', 'apps'].flatMap((d) => readdirSync(d).map((n) => join(d, n))).concat(['e2e', 'bench']);
const configs = roots.flatMap((dir) =>
  existsSync(dir) ? readdirSync(dir).filter((f) => /^tsconfig(\..+)?\.json$/.test(f)).map((f) => join(dir, f)) : [],
);
let failed = 0;
for (const cfg of configs) {
  try {
    execFileSync('pnpm', ['exec', 'tsc', '-p', cfg, '--noEmit'], { stdio: 'inherit' });
  } catch {
    failed++;
    console.error(`typecheck failed: ${cfg}`);
  }
}
console.log(`typecheck: ${configs.length - failed} of ${configs.length} configs clean`);
process.exit(failed ? 1 : 0);
