/** Runs of 8+ digits, optionally split by spaces or dashes: anything that could be part of a PAN. */
const DIGIT_RUN = /\d(?:[ -]?\d){7,}/g;
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
  const o = (typeof e === 'object' && e !== null ? e : { message: String(e) }) as { name?: unknown; message?: unknown; code?: unknown; stack?: unknown };
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const code = text(o.code);
  const frames = text(o.stack)?.split('\n').filter((l) => /^\s+at /.test(l)).join('\n');
  return {
    type: text(o.name) ?? 'Error',
    message: (text(o.message) ?? '').slice(0, MAX_MESSAGE).replace(DIGIT_RUN, '[digits]'),
    ...(code !== undefined ? { code } : {}),
    ...(frames ? { stack: frames.replace(DIGIT_RUN, '[digits]') } : {}),
  };
}
