import pino, { type DestinationStream, type Logger } from 'pino';
import { serializeError } from './serialize-error';

/** Keys that hold card data, claims, credentials or raw request bodies in the shapes the vault handles. */
const SENSITIVE_KEYS = [
  'pan',
  'cvc',
  'cvv',
  'number',
  'card',
  'name',
  'postal',
  'claims',
  'jwe',
  'body',
  'authorization',
  'Authorization',
  'cookie',
];
const MAX_DEPTH = 5;

/**
 * The redaction list: every sensitive key at the top level and under up to MAX_DEPTH objects
 * (`card.number`, `req.body.card.number`, `ctx.req.headers.authorization`, …). The vault never
 * passes card data to the logger; this is the second line of defence in case someone logs a
 * request body, claims or headers by mistake.
 */
export const REDACT_PATHS: readonly string[] = Array.from({ length: MAX_DEPTH + 1 }, (_, depth) =>
  SENSITIVE_KEYS.map((k) => [...Array<string>(depth).fill('*'), k].join('.')),
).flat();

export function createLogger(opts: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: opts.level ?? 'info',
      redact: { paths: [...REDACT_PATHS], censor: '[redacted]' },
      // An error logs its type, code, masked message and stack frames: never its other properties
      // (a request body, a response, claims hung on it by a library).
      serializers: { err: serializeError, error: serializeError },
      base: { service: 'tokenframe-vault' },
    },
    opts.destination ?? pino.destination(1),
  );
}
export type { Logger };
