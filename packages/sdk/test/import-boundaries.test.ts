// The import table of DESIGN.md ("Layout and who may import whom"), checked over the declared
// workspace dependencies of every package and app: pnpm's isolation makes an undeclared import fail,
// so the declared graph is the real one.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '../../..');

const ALLOWED: Record<string, string[]> = {
  '@tokenframe/protocol': [],
  '@tokenframe/card': [],
  '@tokenframe/crypto': [],
  '@tokenframe/channel': ['@tokenframe/protocol'],
  '@tokenframe/fields': ['@tokenframe/card'],
  '@tokenframe/sdk': ['@tokenframe/protocol', '@tokenframe/channel'],
  '@tokenframe/frame': ['@tokenframe/protocol', '@tokenframe/channel', '@tokenframe/card', '@tokenframe/crypto', '@tokenframe/fields'],
  '@tokenframe/vault': ['@tokenframe/protocol', '@tokenframe/card', '@tokenframe/crypto'],
  // protocol for types only, as a devDependency: packages/node/test/package.test.ts checks the packed manifest.
  '@tokenframe/node': ['@tokenframe/protocol'],
  '@tokenframe/demo': ['@tokenframe/sdk', '@tokenframe/node'],
  '@tokenframe/demo-react': ['@tokenframe/sdk'],
  // Someone else's system (a CardPointe-dialect processor): only the test-card rules.
  '@tokenframe/processor-sim': ['@tokenframe/card'],
};

/**
 * Test-only edges: the vault's, the server library's and the demo's tests charge through the
 * processor simulator over HTTP, as they would through a real processor. A devDependency only, and
 * never imported from their `src/` (checked below), so no runtime code depends on it.
 */
const TEST_ONLY: Record<string, string[]> = {
  '@tokenframe/vault': ['@tokenframe/processor-sim'],
  '@tokenframe/node': ['@tokenframe/processor-sim'],
  '@tokenframe/demo': ['@tokenframe/processor-sim'],
};

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const manifests: (Manifest & { dir: string })[] = ['packages', 'apps'].flatMap((dir) =>
  readdirSync(join(root, dir))
    .map((name) => join(root, dir, name))
    .filter((pkg) => existsSync(join(pkg, 'package.json')))
    .map((pkg) => ({ ...(JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as Manifest), dir: pkg })),
);

function* sourceFiles(dir: string): Generator<string> {
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) yield* sourceFiles(join(dir, e.name));
    else if (/\.(ts|tsx|js|mjs)$/.test(e.name) && !/\.test\./.test(e.name)) yield join(dir, e.name);
  }
}

function workspaceDeps(m: Manifest): string[] {
  const all = { ...m.dependencies, ...m.devDependencies, ...m.peerDependencies, ...m.optionalDependencies };
  return Object.keys(all)
    .filter((name) => name.startsWith('@tokenframe/'))
    .sort();
}

describe('declared workspace dependencies follow DESIGN.md', () => {
  test('every package and app is in the table', () => {
    expect(manifests.map((m) => m.name).filter((name) => !(name in ALLOWED))).toEqual([]);
  });

  test.each(manifests.map((m) => [m.name, m] as const))('%s', (name, manifest) => {
    const testOnly = TEST_ONLY[name] ?? [];
    const extra = workspaceDeps(manifest).filter(
      (dep) => !ALLOWED[name]?.includes(dep) && !(testOnly.includes(dep) && dep in (manifest.devDependencies ?? {})),
    );
    expect(extra, `${name} may import only: ${ALLOWED[name]?.join(', ') || 'nothing'}`).toEqual([]);
    const leaks = [...sourceFiles(join(manifest.dir, 'src'))].filter((f) =>
      testOnly.some((dep) => readFileSync(f, 'utf8').includes(`'${dep}'`)),
    );
    expect(leaks, `${name}: test-only dependencies imported from src/`).toEqual([]);
  });

  test('lit is allowed only where fields render (fields, frame)', () => {
    const withLit = manifests
      .filter((m) => 'lit' in { ...m.dependencies, ...m.devDependencies })
      .map((m) => m.name)
      .sort();
    expect(withLit.filter((name) => !['@tokenframe/fields', '@tokenframe/frame'].includes(name))).toEqual([]);
  });
});
