/**
 * An object id as one URL path segment. Misuse throws at once: a charge id passed where a token
 * goes, an empty string, or anything that would change the path (`/`, `..`) never reaches the vault.
 */
export function pathId(id: unknown, prefix: string, what: string): string {
  if (typeof id !== 'string' || !id.startsWith(prefix) || !/^[A-Za-z0-9_-]+$/.test(id)) {
    throw new TypeError(`${what} must be a ${prefix}… id as the vault returned it.`);
  }
  return id;
}
