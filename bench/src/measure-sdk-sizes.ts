import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleSize, type ModuleShare } from './bundle';
import { gzipSize } from './gzip-size';
import { ROOT } from './paths';

export interface SdkSizes {
  sdkCoreGzipBytes: number;
  sdkElementsGzipBytes: number;
  /** What the core is made of (shares of the IIFE's code), to see what to cut when over budget. */
  coreModules: ModuleShare[];
  method: string;
}

const SDK = join(ROOT, 'packages/sdk');

/**
 * Core: dist/tokenframe.js as built by the SDK (the minified IIFE the vault serves to the page).
 * Elements: the custom-elements entry's own code on top of the core, from an in-memory minified
 * two-entry ESM build of the same sources (the npm ES build is not whitespace-minified, see TOOLCHAIN.md).
 */
export async function measureSdkSizes(): Promise<SdkSizes> {
  const sdkCoreGzipBytes = gzipSize(readFileSync(join(SDK, 'dist/tokenframe.js')));
  const esm = await bundleSize({
    root: SDK,
    build: {
      rolldownOptions: {
        input: { core: join(SDK, 'src/index.ts'), elements: join(SDK, 'src/elements/index.ts') },
        preserveEntrySignatures: 'strict',
        output: { entryFileNames: '[name].js', chunkFileNames: 'shared-[name].js' },
      },
    },
  });
  const elements = esm.files.find((f) => f.name === 'elements.js');
  const iife = await bundleSize({ root: SDK, build: { rolldownOptions: { input: join(SDK, 'src/iife.ts') } } });
  return {
    sdkCoreGzipBytes,
    sdkElementsGzipBytes: elements?.gzipBytes ?? Number.NaN,
    coreModules: iife.modules,
    method: 'gzip -9 of packages/sdk/dist/tokenframe.js (real IIFE build); elements = own chunk of a minified core+elements ESM build',
  };
}
