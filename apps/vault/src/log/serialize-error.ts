/** Runs of 8+ digits, optionally split by spaces or dashes: anything that could be part of a PAN. */
const DIGIT_RUN = /\d(?:[ -]?\d){7,}/g;

/** In a path, `+`, `.` and `_` separate digits too. */
const PATH_DIGIT_RUN = /\d(?:[ +._-]?\d){7,}/g;

/** `text` with every digit run that could be part of a PAN replaced by `[digits]`. */
export function maskDigits(text: string): string {
  return text.replace(DIGIT_RUN, '[digits]');
}

/**
 * A request path as it may be logged: percent-decoded first (`%20`, `%2D` are separators a PAN can
 * hide behind), then digit runs masked. A path that does not decode is masked as it is, with its
 * escapes of digits, spaces and dashes decoded by hand.
 */
export function maskPath(path: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    decoded = path.replace(/%(3[0-9]|20|2[dD])/g, (m) => String.fromCharCode(parseInt(m.slice(1), 16)));
  }
  return decoded.replace(PATH_DIGIT_RUN, '[digits]');
}
const MAX_MESSAGE = 300;

export interface SerializedError {
  type: string;
  message: string;
  code?: string;
  stack?: string;
}

/**
 * The only shape an error takes in the vault's logs. Node's own messages can quote their input
 * (JSON.parse: `Unexpected token … "4242…" is not valid JSON`), so digit runs in the message are
 * masked, and the stack keeps only its frames (its first line repeats the message). Nothing else
 * on the error is copied: libraries hang request bodies, responses and causes there.
 */
export function serializeError(e: unknown): SerializedError {
  // Also the plain `{name, message}` objects some call sites log, and anything else thrown.
  const o = (typeof e === 'object' && e !== null ? e : { message: String(e) }) as {
    name?: unknown;
    message?: unknown;
    code?: unknown;
    stack?: unknown;
  };
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const code = text(o.code);
  const frames = text(o.stack)
    ?.split('\n')
    .filter((l) => /^\s+at /.test(l))
    .join('\n');
  return {
    type: text(o.name) ?? 'Error',
    message: (text(o.message) ?? '').slice(0, MAX_MESSAGE).replace(DIGIT_RUN, '[digits]'),
    ...(code !== undefined ? { code } : {}),
    ...(frames ? { stack: frames.replace(DIGIT_RUN, '[digits]') } : {}),
  };
}
