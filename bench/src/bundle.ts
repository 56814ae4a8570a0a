import { build, type InlineConfig } from 'vite';
import { gzipSize } from './gzip-size';

export interface ModuleShare {
  /** Package name (or workspace path) the code came from. */
  source: string;
  /** Share of the bundle's code (rendered length before minification, so a proportion, not bytes). */
  share: number;
}
export interface BundleSize {
  gzipBytes: number;
  rawBytes: number;
  /** Every emitted JS/CSS file: a merchant page loads lazily split chunks too. */
  files: { name: string; rawBytes: number; gzipBytes: number }[];
  /** Largest contributors, grouped by package. */
  modules: ModuleShare[];
}

interface EmittedFile {
  type: 'chunk' | 'asset';
  fileName: string;
  code?: string;
  source?: string | Uint8Array;
  modules?: Record<string, { renderedLength: number }>;
}

/**
 * Builds in memory (nothing written) with Vite's production build, minified, and measures every
 * emitted file. `config` is merged over a neutral production config.
 */
export async function bundleSize(config: InlineConfig): Promise<BundleSize> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    mode: 'production',
    ...config,
    build: { write: false, minify: true, target: 'es2022', reportCompressedSize: false, ...config.build },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as { output: EmittedFile[] }[];
  const files: BundleSize['files'] = [];
  const bySource = new Map<string, number>();
  for (const file of outputs.flatMap((o) => o.output)) {
    if (!/\.(m?js|css)$/.test(file.fileName)) continue;
    const body = file.type === 'chunk' ? (file.code ?? '') : (file.source ?? '');
    const raw = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
    files.push({ name: file.fileName, rawBytes: raw, gzipBytes: gzipSize(body) });
    for (const [id, m] of Object.entries(file.modules ?? {}))
      bySource.set(sourceOf(id), (bySource.get(sourceOf(id)) ?? 0) + m.renderedLength);
  }
  const total = [...bySource.values()].reduce((a, b) => a + b, 0) || 1;
  const modules = [...bySource]
    .map(([source, rendered]) => ({ source, share: Math.round((rendered / total) * 1000) / 1000 }))
    .sort((a, b) => b.share - a.share);
  return {
    gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0),
    rawBytes: files.reduce((n, f) => n + f.rawBytes, 0),
    files,
    modules: modules.filter((m) => m.share > 0).slice(0, 12),
  };
}

/** `…/node_modules/.pnpm/x@1/node_modules/@scope/pkg/dist/a.js` → `@scope/pkg`; workspace files → `packages/card/src`. */
function sourceOf(id: string): string {
  const clean = id.replace(/^\0/, '').split('?')[0]!;
  const nm = clean.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const parts = clean.slice(nm + 14).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const ws = clean.match(/\/((?:packages|apps|bench)\/.*)$/);
  return ws ? ws[1]! : clean;
}
