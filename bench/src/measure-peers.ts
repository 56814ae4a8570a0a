import { join } from 'node:path';
import { bundleSize, type BundleSize, type ModuleShare } from './bundle';
import { BENCH } from './paths';

/** One peer SDK: what a merchant's bundler emits for its documented import, or why it could not. */
export type PeerResult =
  | {
      package: string;
      entry: string;
      gzipBytes: number;
      rawBytes: number;
      files: BundleSize['files'];
      topModules: ModuleShare[];
      note: string;
    }
  | { package: string; entry: string; error: string; note: string };

const PEERS = [
  {
    key: 'stripe',
    package: '@stripe/stripe-js',
    entry: 'peers/stripe.js',
    note: 'loadStripe() loader only; Stripe.js (~100 kB+) then loads from their CDN at runtime',
  },
  {
    key: 'basisTheory',
    package: '@basis-theory/web-elements',
    entry: 'peers/basis-theory.js',
    note: 'basistheory() from npm; the element frames load from their CDN',
  },
  { key: 'braintree', package: 'braintree-web', entry: 'peers/braintree.js', note: 'client + hosted-fields components' },
  {
    key: 'adyen',
    package: '@adyen/adyen-web',
    entry: 'peers/adyen.js',
    note: 'AdyenCheckout + CustomCard, ESM tree-shaken, plus adyen.css',
  },
] as const;

/** Bundles each tiny entry in bench/peers/ with Vite (minified, in memory) from the installed npm package. */
export async function measurePeers(): Promise<Record<string, PeerResult>> {
  const out: Record<string, PeerResult> = {};
  for (const p of PEERS) {
    try {
      const size = await bundleSize({ root: BENCH, build: { rolldownOptions: { input: join(BENCH, p.entry) } } });
      out[p.key] = {
        package: p.package,
        entry: p.entry,
        gzipBytes: size.gzipBytes,
        rawBytes: size.rawBytes,
        files: size.files,
        topModules: size.modules.slice(0, 5),
        note: p.note,
      };
    } catch (e) {
      out[p.key] = { package: p.package, entry: p.entry, error: (e as Error).message.split('\n')[0]!.slice(0, 300), note: p.note };
    }
  }
  return out;
}
