/**
 * Server configuration the vault injects into <head> of the frame documents: the API origin (where
 * tokens are created) and the allowed font hosts. Never from a message or the URL (DESIGN.md step 8).
 */
import { isCanonicalOrigin } from './frame-params';

export function readApiOrigin(doc: Document): string | undefined {
  const api = readMeta(doc, 'tf-api-origin');
  return api !== undefined && isCanonicalOrigin(api) ? api : undefined;
}

export function readFontHosts(doc: Document): string[] {
  return (readMeta(doc, 'tf-font-hosts') ?? '').split(/\s+/).filter((h) => h !== '' && isCanonicalOrigin(h) && h.startsWith('https:'));
}

function readMeta(doc: Document, name: string): string | undefined {
  const metas = doc.head.querySelectorAll<HTMLMetaElement>(`meta[name="${name}"]`);
  // Exactly one: a second one would be ambiguous, so neither is trusted.
  return metas.length === 1 ? metas[0]!.content.trim() : undefined;
}
