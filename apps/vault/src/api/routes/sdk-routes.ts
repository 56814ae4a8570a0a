import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { vaultError } from '../../services/vault-error';
import { jsonResponse } from '../api-error';

interface SdkBuild {
  version: string;
  source: Buffer;
  sri: string;
  mtimeMs: number;
}

/**
 * The script-tag SDK, read from `packages/sdk/dist/tokenframe.js` (a build on disk, no import edge).
 * `/v1/tokenframe-{version}.js` never changes, so it is cached for a year and pinned with SRI;
 * `/v1/tokenframe.js` is "latest" and cached briefly. Scripts are loaded cross-origin by merchant
 * pages, hence `Access-Control-Allow-Origin: *` (no credentials) on these three routes only.
 */
export function sdkRoutes(sdkDir: string, version: string): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  let cached: SdkBuild | undefined;
  const load = (): SdkBuild | undefined => {
    const file = join(sdkDir, 'tokenframe.js');
    let mtimeMs: number;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      return undefined;
    }
    if (cached?.mtimeMs !== mtimeMs) {
      const source = readFileSync(file);
      cached = { version, source, mtimeMs, sri: `sha384-${createHash('sha384').update(source).digest('base64')}` };
    }
    return cached;
  };
  const missing = () =>
    vaultError(404, 'resource_missing', 'The SDK bundle is not built. Run `pnpm build` (packages/sdk/dist/tokenframe.js).');
  const script = (b: SdkBuild, cacheControl: string) =>
    new Response(new Uint8Array(b.source), {
      headers: {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cache-Control': cacheControl,
        'Access-Control-Allow-Origin': '*',
        'Cross-Origin-Resource-Policy': 'cross-origin',
      },
    });

  app.get('/v1/sri.json', () => {
    const b = load();
    if (!b) throw missing();
    return jsonResponse(
      200,
      { version: b.version, files: { [`tokenframe-${b.version}.js`]: b.sri, 'tokenframe.js': b.sri } },
      {
        'Access-Control-Allow-Origin': '*',
        'Cache-Control': 'public, max-age=300',
      },
    );
  });
  app.get('/v1/:file{tokenframe(-[0-9A-Za-z.+-]+)?\\.js}', (c) => {
    const file = c.req.param('file');
    const b = load();
    if (!b) throw missing();
    if (file === 'tokenframe.js') return script(b, 'public, max-age=300');
    if (file === `tokenframe-${b.version}.js`) return script(b, 'public, max-age=31536000, immutable');
    throw vaultError(404, 'resource_missing', 'No such SDK version on this vault. See /v1/sri.json for the version it serves.');
  });
  return app;
}
