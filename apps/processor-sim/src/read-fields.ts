/**
 * Reads the known fields of a request body. Every value the dialect knows must be a US-ASCII
 * string; unknown fields are ignored, as a client of the real gateway must expect of it too.
 * Returns the string fields, or the name of the first field that is not a string.
 */
export function readFields(
  body: Record<string, unknown>,
  known: readonly string[],
): { fields: Record<string, string> } | { invalid: string } {
  const fields: Record<string, string> = {};
  for (const name of known) {
    const value = body[name];
    if (value === undefined) continue;
    if (typeof value !== 'string' || !/^[\x20-\x7e]*$/.test(value)) return { invalid: name };
    fields[name] = value;
  }
  return { fields };
}
