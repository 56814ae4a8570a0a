import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Structured JSON logs. The vault never passes card data to the logger; the redaction list is the
 * second line of defence in case someone logs a request body or headers by mistake.
 */
export const REDACT_PATHS = [
  'pan', 'cvc', 'number', 'authorization', 'jwe',
  '*.pan', '*.cvc', '*.number', '*.authorization', '*.Authorization', '*.jwe',
  '*.*.pan', '*.*.cvc', '*.*.number', '*.*.authorization', '*.*.jwe',
];

export function createLogger(opts: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    { level: opts.level ?? process.env.LOG_LEVEL ?? 'info', redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { service: 'tokenframe-vault' } },
    opts.destination ?? pino.destination(1),
  );
}
export type { Logger };
