// What the global setup started, handed to the specs through one environment variable
// (Playwright starts its workers after the global setup, with its environment).

export interface KeyPair {
  publishableKey: string;
  secretKey: string;
}

export interface E2eEnv {
  /** processor: the simulator the demo account's test connection charges through (its /__sim ledger). */
  urls: { vault: string; frames: string; demo: string; demoReact: string; processor: string; merchant: string; hostile: string };
  /** The demos' keys (account `demo`, origins: both demos). */
  demo: KeyPair;
  /** A key of account `demo` for our own merchant page (origin: urls.merchant). */
  merchantKey: string;
  /** Another account whose publishable key also allows the demo origin: the "foreign key" attacker. */
  other: KeyPair;
}

export const E2E_ENV_VAR = 'TF_E2E_ENV';

export function e2eEnv(): E2eEnv {
  const raw = process.env[E2E_ENV_VAR];
  if (!raw)
    throw new Error(
      `${E2E_ENV_VAR} is not set: run the specs with \`pnpm --filter @tokenframe/e2e exec playwright test\` (the global setup starts the stack).`,
    );
  return JSON.parse(raw) as E2eEnv;
}
