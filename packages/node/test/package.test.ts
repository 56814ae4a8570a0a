// The package as npm would ship it: `pnpm pack` (publishConfig applied), its files, no runtime
// dependencies, no reference to the private @tokenframe/protocol, and its types checked by a
// consumer under each moduleResolution a merchant may use, then run by node.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const PKG = new URL('..', import.meta.url).pathname;
const ROOT = join(PKG, '../..');
// Inside the workspace so the consumer finds @types/node and typescript the way a project would.
const work = mkdtempSync(join(PKG, '.pack-test-'));
const consumer = join(work, 'consumer');
let files: string[] = [];
let manifest: Record<string, unknown>;

beforeAll(() => {
  execFileSync('pnpm', ['run', 'build'], { cwd: PKG, stdio: 'pipe' });
  execFileSync('pnpm', ['pack', '--pack-destination', work], { cwd: PKG, stdio: 'pipe' });
  const tgz = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
  execFileSync('tar', ['xzf', join(work, tgz), '-C', work]);
  const listed = execFileSync('tar', ['tzf', join(work, tgz)], { encoding: 'utf8' });
  files = listed
    .trim()
    .split('\n')
    .map((f) => f.replace(/^package\//, ''))
    .sort();
  manifest = JSON.parse(readFileSync(join(work, 'package/package.json'), 'utf8')) as Record<string, unknown>;
  mkdirSync(join(consumer, 'node_modules/@tokenframe'), { recursive: true });
  cpSync(join(work, 'package'), join(consumer, 'node_modules/@tokenframe/node'), { recursive: true });
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'shop', type: 'module', private: true }));
  cpSync(join(PKG, 'test/fixtures/consumer.ts'), join(consumer, 'consumer.ts'));
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed package', () => {
  test('ships dist, README and LICENSE only; exports and types point into dist', () => {
    expect(files.filter((f) => !f.startsWith('dist/'))).toEqual(['LICENSE', 'README.md', 'package.json']);
    expect(files.every((f) => !/\.test\.|\.tsbuildinfo$|\.map$/.test(f))).toBe(true);
    expect(manifest.exports).toEqual({
      '.': { types: './dist/index.d.ts', default: './dist/index.js' },
      './package.json': './package.json',
    });
    expect(manifest.type).toBe('module');
  });

  test('no runtime dependencies, and nothing in dist names @tokenframe/protocol', () => {
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.peerDependencies).toBeUndefined();
    const dist = files.filter((f) => f.startsWith('dist/')).map((f) => readFileSync(join(work, 'package', f), 'utf8'));
    expect(dist.filter((s) => s.includes('@tokenframe/protocol'))).toEqual([]);
    const imports = dist.flatMap((s) => [...s.matchAll(/from '([^']+)'/g)].map((m) => m[1]!));
    expect([...new Set(imports.filter((i) => !i.startsWith('./') && !i.startsWith('../')))].sort()).toEqual(['node:crypto']);
    expect(imports.filter((i) => i.startsWith('.') && !i.endsWith('.js'))).toEqual([]);
  });

  test.each([
    ['node16', 'Node16', 'Node16'],
    ['nodenext', 'NodeNext', 'NodeNext'],
    ['bundler', 'ESNext', 'Bundler'],
  ])(
    'a consumer type-checks under moduleResolution %s (skipLibCheck off)',
    (_name, module, resolution) => {
      const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
      const config = {
        compilerOptions: {
          noEmit: true,
          strict: true,
          skipLibCheck: false,
          target: 'ES2022',
          module,
          moduleResolution: resolution,
          types: ['node'],
          typeRoots: [join(ROOT, 'node_modules/@types')],
        },
        files: ['consumer.ts'],
      };
      writeFileSync(join(consumer, `tsconfig.${resolution}.json`), JSON.stringify(config));
      const run = () =>
        execFileSync('node', [tsc, '-p', `tsconfig.${resolution}.json`], { cwd: consumer, encoding: 'utf8', stdio: 'pipe' });
      try {
        run();
      } catch (e) {
        throw new Error(`tsc (${resolution}): ${(e as { stdout?: string }).stdout ?? String(e)}`, { cause: e });
      }
    },
    60_000,
  );

  test('node runs it: import by package name, construct a client, verify a signed delivery', () => {
    const script = `
      import { Tokenframe, verifyWebhook } from '@tokenframe/node';
      const tf = new Tokenframe('sk_test_0123456789abcdefghijklmn', { vaultUrl: 'http://127.0.0.1:4000' });
      const event = verifyWebhook('{"test": 2432232314}', { 'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek', 'webhook-timestamp': '1614265330',
        'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=' }, 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', { now: 1614265330000 });
      console.log(JSON.stringify({ tf, event }));`;
    writeFileSync(join(consumer, 'run.mjs'), script);
    const out = execFileSync('node', ['run.mjs'], { cwd: consumer, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ tf: { vaultUrl: 'http://127.0.0.1:4000', mode: 'test' }, event: { test: 2432232314 } });
  });
});
