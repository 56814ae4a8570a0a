import type { LoadOptions } from '../create-tokenframe';
import { checkOriginUrl } from '../check-options';
import { misuse } from '../tokenframe-error';

/**
 * Where `<tf-fields>` sends card data: set in script by `defineTokenframeElements({vaultUrl,
 * framesUrl})`, never read from attributes. Markup can be injected without any script (a review, a
 * name field rendered unescaped); if `frames-url` were an attribute, such markup could point the
 * secure fields at a look-alike on another origin (issue #17 finding 6).
 */
let options: Readonly<LoadOptions> | undefined;

export function setElementsOptions(next: unknown): void {
  const o = (typeof next === 'object' && next !== null ? next : {}) as Partial<LoadOptions>;
  const checked = { vaultUrl: checkOriginUrl('vaultUrl', o.vaultUrl), framesUrl: checkOriginUrl('framesUrl', o.framesUrl) };
  if (options && (options.vaultUrl !== checked.vaultUrl || options.framesUrl !== checked.framesUrl))
    misuse('defineTokenframeElements() was already called with other URLs: one page talks to one vault.');
  options = checked;
}

export function elementsOptions(): Readonly<LoadOptions> {
  return options ?? misuse('<tf-fields>: call defineTokenframeElements({ vaultUrl, framesUrl }) before inserting it.');
}
