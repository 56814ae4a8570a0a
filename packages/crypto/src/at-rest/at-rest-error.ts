/**
 * The single error `openField` and `rewrapField` throw for every failure: wrong or missing KEK,
 * a record moved to another account/token/field, a damaged or truncated envelope. One class and
 * one message, so neither logs nor callers can tell the causes apart.
 */
export class AtRestError extends Error {
  readonly code = 'at_rest_open_failed';

  constructor() {
    super('The sealed field could not be opened: wrong key, wrong record or a damaged envelope.');
    this.name = 'AtRestError';
  }
}
