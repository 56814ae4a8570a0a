/**
 * The `Link` header of a built frame document: preloads exactly the module scripts and stylesheets
 * its HTML references, so the browser fetches them as soon as the response headers arrive instead
 * of after parsing the document. Read from our own build output (never from request input), and
 * only same-origin paths under /frames/v1/assets/ with a plain file name pass, so nothing in the
 * file can add other links or break the header.
 */
const ASSET_PATH = /^\/frames\/v1\/assets\/[A-Za-z0-9][A-Za-z0-9_-]{0,120}\.(js|css)$/;
const TAG = /<(script|link)\b([^>]*)>/gi;

export function preloadLinks(html: string): string | undefined {
  const links: string[] = [];
  for (const [, tag, attrs = ''] of html.matchAll(TAG)) {
    // Vite writes double-quoted attributes; anything else is simply not preloaded.
    const attr = (name: string) => new RegExp(`\\s${name}(?:="([^"]*)")?(?=[\\s/>]|$)`, 'i').exec(attrs);
    const value = (name: string) => attr(name)?.[1];
    if (tag!.toLowerCase() === 'script' && value('type') === 'module') {
      const src = value('src');
      // A module script is fetched in CORS mode (credentials same-origin) = `crossorigin`. Chromium starts
      // `rel=preload` from the headers but `rel=modulepreload` only while parsing (measured), so preload.
      if (src !== undefined && ASSET_PATH.test(src) && src.endsWith('.js')) links.push(`<${src}>; rel=preload; as=script; crossorigin`);
    } else if (tag!.toLowerCase() === 'link' && value('rel')?.toLowerCase() === 'stylesheet') {
      const href = value('href');
      // A preload is reused only when its CORS mode matches the <link>'s.
      if (href !== undefined && ASSET_PATH.test(href) && href.endsWith('.css')) links.push(`<${href}>; rel=preload; as=style${attr('crossorigin') ? '; crossorigin' : ''}`);
    }
  }
  return links.length ? links.join(', ') : undefined;
}
