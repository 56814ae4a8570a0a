import { useEffect, useState } from 'react';

export interface DemoConfig {
  publishableKey: string;
  vaultUrl: string;
  framesUrl: string;
}

/** The publishable key and the vault's origins, from the shop's backend (public values only). */
export function useDemoConfig(): { config?: DemoConfig; error?: string } {
  const [state, setState] = useState<{ config?: DemoConfig; error?: string }>({});
  useEffect(() => {
    const controller = new AbortController();
    fetch('/api/config', { signal: controller.signal })
      .then((r) => (r.ok ? (r.json() as Promise<DemoConfig>) : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((config) => setState({ config }))
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        console.error('Could not load /api/config from the demo backend (is `pnpm demo` running?)', e);
        setState({ error: 'Payment is unavailable right now. Please try again in a few minutes.' });
      });
    return () => controller.abort();
  }, []);
  return state;
}
