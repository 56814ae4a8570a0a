/**
 * Loads merchant fonts at configure time, by family name only, from the frames origin's font hosts
 * (`<meta name="tf-font-hosts">`, also the CSP's font-src). Convention: the family "Open Sans" is
 * served as `{host}/open-sans.woff2` by the first configured host. FontFace with no descriptors:
 * no `unicode-range`, so which glyphs were typed never shows in the network.
 */
const FAMILY = /^[A-Za-z0-9][A-Za-z0-9 ]{0,47}$/;

export function loadFonts(
  doc: Document,
  families: readonly string[],
  hosts: readonly string[],
): { warnings: string[]; loaded: Promise<unknown> } {
  const warnings: string[] = [];
  const jobs: Promise<unknown>[] = [];
  const host = hosts[0];
  for (const family of families) {
    if (!FAMILY.test(family)) {
      warnings.push(`fonts: "${family.slice(0, 48)}" ignored: a font is given by family name (letters, digits, spaces)`);
      continue;
    }
    if (host === undefined) {
      warnings.push(`fonts: "${family}" ignored: this vault allows no font hosts (tf-font-hosts)`);
      continue;
    }
    const face = new FontFace(family, `url("${host}/${family.toLowerCase().replace(/ /g, '-')}.woff2")`);
    doc.fonts.add(face);
    jobs.push(face.load().catch(() => warnings.push(`fonts: "${family}" could not be loaded from ${host}`)));
  }
  return { warnings, loaded: Promise.all(jobs) };
}
