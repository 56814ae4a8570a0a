/** Cards the sandbox answers PPS 62 "Timed out" (respstat B) for, whatever the amount. */
export const TIMEOUT_CARDS: ReadonlySet<string> = new Set(['4999006200620062', '5111006200620062', '6465006200620062']);

/** The card the sandbox approves partially: $5.00 of any amount of $6.00 or more. */
export const PARTIAL_APPROVAL_CARD = '4387750101010101';
export const PARTIAL_APPROVAL_FROM = 600;
export const PARTIAL_APPROVAL_CENTS = 500;

/** Amounts in this range answer the response code of their last three whole-dollar digits. */
export const CODE_AMOUNTS = { from: 100_000, to: 199_999 } as const;

/** The largest amount the simulated merchant may charge, $9,999,999.99 (more answers PPS 42 "Above max amount"). */
export const MAX_AMOUNT_CENTS = 9_999_999_99;
