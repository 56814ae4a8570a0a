import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';

/**
 * src/seal bundled and minified by Vite, the frame's bundler: what the frame really ships.
 * `iife` exposes the exports as a global `name` (for dropping into a browser page).
 */
export async function bundleSeal(format: 'es' | 'iife' = 'es', name = 'TokenframeSeal'): Promise<string> {
  const entry = fileURLToPath(new URL('../src/seal/index.ts', import.meta.url));
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      // Library mode keeps whitespace in `es` output; the frame's app build strips it, so do too.
      rolldownOptions: { output: { minify: true } },
      lib: { entry, formats: [format], fileName: 'seal', name },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((output) => output.output).find((item) => item.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('bundleSeal: Vite produced no chunk.');
  return chunk.code;
}
