// The built script-tag bundle: the size budget of DESIGN.md ("Budgets") and the import boundary
// (no code from card, crypto or fields may run on the merchant page), checked on Rolldown's own
// module list and on the emitted text.
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { build, type Rolldown } from 'vite';
import { beforeAll, describe, expect, test } from 'vitest';

const packageDir = join(import.meta.dirname, '..');
/**
 * DESIGN.md budgets the core at ≤ 5 kB. It is missed today (6.92 kB; README "Sizes" measures what 5 kB
 * would cost: features issue #6 asks for), and `pnpm bench` reports that miss in
 * bench/results/latest.json. This test is the ratchet that keeps it from growing while the budget
 * question is open: lower the ceiling whenever the core shrinks, never raise it silently.
 */
const CORE_BUDGET = 5_000;
const CORE_CEILING = 6_940;

async function buildEntry(entry: string): Promise<Rolldown.OutputChunk> {
  const out = await build({
    root: packageDir,
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: true, target: 'es2022', lib: { entry, formats: ['iife'], name: 'Bundle' } },
  });
  const chunk = (Array.isArray(out) ? out[0] : out) as Rolldown.RolldownOutput;
  return chunk.output[0];
}

const gz = (code: string): number => gzipSync(code, { level: 9 }).length;
let core: Rolldown.OutputChunk;
let elements: Rolldown.OutputChunk;

beforeAll(async () => {
  core = await buildEntry('src/iife.ts');
  elements = await buildEntry('src/elements/index.ts');
  console.warn(
    `tokenframe.js: ${core.code.length} B min, ${gz(core.code)} B min+gzip; elements entry (with core): ${gz(elements.code)} B min+gzip`,
  );
}, 60_000);

describe('script-tag bundle', () => {
  test(`core does not grow past ${CORE_CEILING} B min+gzip (budget ${CORE_BUDGET} B, missed)`, () => {
    expect(gz(core.code)).toBeLessThanOrEqual(CORE_CEILING);
  });

  test.each(['core', 'elements'] as const)('%s contains only sdk, channel and protocol modules', (name) => {
    const chunk = name === 'core' ? core : elements;
    const foreign = Object.keys(chunk.modules).filter(
      (id) => !/\/packages\/(sdk|channel|protocol)\/src\//.test(id) && !id.includes('@oxc-project/runtime'),
    );
    expect(foreign).toEqual([]);
  });

  test.each(['luhn', 'subtle', 'lit-html', 'LitElement', 'importKey', 'deriveBits'])('core has no %s', (marker) => {
    expect(core.code).not.toContain(marker);
  });

  test('defines the global Tokenframe with load()', () => {
    const scope: { Tokenframe?: { load?: unknown } } = {};
    new Function('globalThis', core.code)(scope);
    expect(typeof scope.Tokenframe?.load).toBe('function');
  });
});
