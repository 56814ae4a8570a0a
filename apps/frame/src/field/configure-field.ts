/**
 * Applies a `configure` request (already shape-checked by the channel's guard) to the field.
 * Each configure carries the full configuration, so an absent key means "back to the default".
 */
import { loadLocale, resolveLocale } from '@tokenframe/fields';
import type { FieldElement } from '@tokenframe/fields';
import { validateStyle } from '@tokenframe/protocol';
import type { FieldConfig } from '@tokenframe/protocol';
import { loadFonts } from './load-fonts';
import { applyMerchantStyle } from './merchant-style';

export class FieldConfigurator {
  readonly #doc: Document;
  readonly #el: FieldElement;
  readonly #fontHosts: readonly string[];
  #sheet: CSSStyleSheet | undefined;
  #fonts = new Set<string>();

  constructor(doc: Document, el: FieldElement, fontHosts: readonly string[]) {
    this.#doc = doc;
    this.#el = el;
    this.#fontHosts = fontHosts;
  }

  async apply(config: FieldConfig): Promise<void> {
    const locale = resolveLocale(config.locale, navigator.language);
    const messages = await loadLocale(locale).catch(() => undefined);
    // Writes only what changed: each DOM write invalidates style in a frame that is still booting.
    const root = this.#doc.documentElement;
    const lang = messages ? locale : 'en';
    const dir = messages?.dir ?? 'ltr';
    if (root.lang !== lang) root.lang = lang;
    if ((root.dir || 'ltr') !== dir) root.dir = dir;
    this.#el.locale = locale;
    this.#el.placeholder = config.placeholder;
    this.#el.label = config.ariaLabel;
    this.#el.disabled = config.disabled === true;
    this.#el.preferredNetwork = config.preferredNetwork;

    const { style, warnings } = validateStyle(config.style);
    for (const w of warnings) warn(w);
    // No merchant style yet and none now: no empty sheet to adopt (a full style recalc).
    if (this.#sheet || Object.keys(style).length) this.#sheet = applyMerchantStyle(this.#doc, style, this.#sheet);

    const fresh = (config.fonts ?? []).filter((f) => !this.#fonts.has(f));
    fresh.forEach((f) => this.#fonts.add(f));
    if (fresh.length) {
      const fonts = loadFonts(this.#doc, fresh, this.#fontHosts);
      void fonts.loaded.then(() => fonts.warnings.forEach(warn));
    }
  }
}

function warn(message: string): void {
  // For the merchant's developer: names the property or font, never any typed value.
  console.warn(`Tokenframe: ${message}`);
}
