import { LOCALES } from './messages';
import type { LocaleId } from './messages';

/**
 * Maps a BCP 47 tag to a supported locale by its primary language subtag ('de-AT' → 'de').
 * 'auto' means the page's language: the SDK sends the page's `lang` in `configure`, and when it
 * could not, `fallback` (the frame passes navigator.language) decides. Anything else → 'en'.
 */
export function resolveLocale(tag: string | undefined, fallback?: string): LocaleId {
  const wanted = tag === undefined || tag === '' || tag.toLowerCase() === 'auto' ? fallback : tag;
  const primary = (wanted ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return (LOCALES as readonly string[]).includes(primary) ? (primary as LocaleId) : 'en';
}
