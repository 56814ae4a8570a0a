// The documented test cards, read from @tokenframe/card (the one source of truth) through tsx,
// so the list printed by `pnpm demo` can never drift from what the vault accepts.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './stack-urls.mjs';

const PRINT_CARDS = "import('./packages/card/src/index.ts').then((m) => process.stdout.write(JSON.stringify(m.TEST_CARDS)))";

/** @returns {{ number: string, brand: string, outcome: string, description: string }[]} */
export function loadTestCards() {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['-e', PRINT_CARDS], { cwd: ROOT, encoding: 'utf8' });
  try {
    const cards = JSON.parse(r.stdout);
    if (Array.isArray(cards) && cards.length > 0) return cards;
  } catch {
    // packages/card is not there yet (or broken): fall back to the one card every brand page documents.
  }
  return [{ number: '4242424242424242', brand: 'visa', outcome: 'success', description: 'Visa, succeeds' }];
}

/**
 * Lines for a terminal: the first card of each brand, every Cartes Bancaires (co-badged) card and every card with another outcome, number
 * grouped in fours (amex 4-6-5). The full list is in docs/integration.md.
 */
export function formatTestCards(cards) {
  const seen = new Set();
  // Every Cartes Bancaires card: each is co-badged with another network, and the number field offers
  // the shopper the choice between them (EU IFR art. 8).
  const shown = cards.filter((c) => c.outcome !== 'success' || c.brand === 'cartes_bancaires' || (!seen.has(c.brand) && seen.add(c.brand)));
  return shown.map((c) => {
    const digits = c.number.replace(/\D/g, '');
    const grouped =
      digits.length === 15 ? `${digits.slice(0, 4)} ${digits.slice(4, 10)} ${digits.slice(10)}` : digits.replace(/(\d{4})(?=\d)/g, '$1 ');
    return `  ${grouped.padEnd(24)} ${c.brand.padEnd(17)} ${c.outcome.padEnd(17)} ${c.description}`;
  });
}
