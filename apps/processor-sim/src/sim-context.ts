import type { Ledger } from './ledger';
import type { SimConfig } from './sim-config';

/** What the gateway operations need: the books, the merchant's setup, and the clock. */
export interface SimContext {
  ledger: Ledger;
  config: SimConfig;
  now: () => Date;
}
