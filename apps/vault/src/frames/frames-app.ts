import type { BlockList } from 'node:net';
import { extname, join } from 'node:path';
import { Hono } from 'hono';
import type { Logger } from 'pino';
import { isFieldType } from '@tokenframe/protocol';
import type { KeyService } from '../services/key-service';
import type { AppEnv } from '../api/app-env';
import { FrameAssets, pickEncoding } from './frame-assets';
import { frameCsp, FrameDocuments } from './frame-document';
import { requestContext } from '../api/request-context';
import { clientIpFrom } from '../auth/client-ip';
import { clientNet } from '../auth/client-net';
import type { RateLimiter } from '../limits/rate-limiter';

export interface FramesAppDeps {
  keys: KeyService;
  logger: Logger;
  frameDir: string;
  apiOrigin: string;
  fontHosts: readonly string[];
  /** Shared with GET /v1/frames/status: every frame document looks its key up (per client). */
  lookupLimiter: RateLimiter;
  trustedProxies: BlockList;
  ipv6Prefix: number;
}

const DENY = "default-src 'none'; frame-ancestors 'none'";
const ASSET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const ASSET_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json; charset=utf-8',
};

/** A fixed-text answer: this origin never reflects anything from the request. */
const plain = (status: number, text: string, extra: Record<string, string> = {}) =>
  new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': DENY, 'Cache-Control': 'no-store', ...extra },
  });

/**
 * The frames origin (DESIGN.md "The channel", step 2). A frame document is served only for an
 * active publishable key whose allow-list holds `origin`, with `frame-ancestors {origin}`: if the
 * frame renders at all, the browser has confirmed who its parent is. Anything else is a 403 that
 * may not be framed by anyone.
 */
export function createFramesApp(d: FramesAppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const docs = new FrameDocuments(d.frameDir, d.apiOrigin, d.fontHosts);
  const assets = new FrameAssets(join(d.frameDir, 'assets'));
  app.use('*', requestContext(d.logger, { 'Cross-Origin-Resource-Policy': 'same-origin' }));

  app.get('/frames/v1/:doc{(field|controller)\\.html}', async (c) => {
    const doc = c.req.param('doc') as 'field.html' | 'controller.html';
    const type = c.req.query('type');
    // frame-ancestors does not apply to a top-level page: window.open(field.html?pk=…&origin=…)
    // would show a working card form on our domain (phishing material). Browsers that send
    // Sec-Fetch-Dest tell us how the document is used; one without it is an old browser, served.
    const dest = c.req.header('Sec-Fetch-Dest');
    if (dest !== undefined && dest !== 'iframe') return plain(403, 'Frame documents load only inside an iframe.');
    const pk = c.req.query('pk') ?? '';
    const origin = c.req.query('origin') ?? '';
    if (doc === 'field.html' && !isFieldType(type)) return plain(400, 'Unknown field type.');
    const peer = c.env?.incoming?.socket?.remoteAddress ?? 'unknown';
    const client = clientNet(clientIpFrom(peer, c.req.header('X-Forwarded-For'), d.trustedProxies), d.ipv6Prefix);
    const limit = await d.lookupLimiter.consume(`lookup:${client}`);
    if (!limit.ok)
      return plain(429, 'Too many frame documents from this client. Retry later.', {
        'Retry-After': String(Math.max(1, Math.ceil(limit.retryAfterMs / 1000))),
      });
    const status = await d.keys.frameStatus(pk, origin);
    if (status !== 'ok') return plain(403, 'This frame cannot be shown here. Ask GET /v1/frames/status on the vault API why.');
    const built = await docs.get(doc === 'field.html' && type === 'card' ? 'card.html' : doc);
    if (built === undefined) return plain(404, 'The frame documents are not built. Run `pnpm build`.');
    const { body, encoding } = pickEncoding(built.body, c.req.header('Accept-Encoding'));
    return new Response(body, {
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        ...(encoding !== 'identity' ? { 'Content-Encoding': encoding } : {}),
        'Content-Security-Policy': frameCsp(origin, d.apiOrigin, d.fontHosts, built.inline),
        'Cache-Control': 'no-store',
        'Referrer-Policy': 'no-referrer',
        // Asks for an origin-keyed agent cluster: even when a merchant page is same-site with
        // this origin, the card input should not share its process (docs/security.md).
        'Origin-Agent-Cluster': '?1',
        Vary: 'Sec-Fetch-Dest, Accept-Encoding',
      },
    });
  });

  app.get('/frames/v1/assets/:name', async (c) => {
    const name = c.req.param('name');
    const type = ASSET_TYPES[extname(name)];
    if (!ASSET_NAME.test(name) || name.includes('..') || !type) return plain(404, 'Not found.');
    const asset = await assets.get(name, c.req.header('Accept-Encoding'));
    if (!asset) return plain(404, 'Not found.');
    return new Response(asset.body, {
      headers: {
        'Content-Type': type,
        'Cache-Control': 'public, max-age=31536000, immutable',
        'Content-Security-Policy': DENY,
        Vary: 'Accept-Encoding',
        ...(asset.encoding !== 'identity' ? { 'Content-Encoding': asset.encoding } : {}),
      },
    });
  });

  app.notFound(() => plain(404, 'Not found.'));
  app.onError((err) => {
    d.logger.error({ err: { name: err.name, message: err.message } }, 'frames error');
    return plain(500, 'Internal error.');
  });
  return app;
}
