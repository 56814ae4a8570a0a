import { useEffect, useState } from 'react';

/**
 * The vault tells the shop's server what happened with a signed webhook (charge.succeeded, …); the
 * server records it, and this line says when it arrived — as the script-tag demo does. A polite live
 * region, its space reserved (no layout jump). Asks the server every 500 ms for up to 30 s.
 */
export function WebhookLine({ chargeId }: { chargeId: string }) {
  const [text, setText] = useState("Waiting for the vault's webhook…");
  const [received, setReceived] = useState(false);
  useEffect(() => {
    let stopped = false;
    void (async () => {
      for (let i = 0; i < 60 && !stopped; i++) {
        await new Promise((r) => setTimeout(r, 500));
        const types = await eventTypes(chargeId);
        if (stopped) return;
        if (types.some((t) => t.startsWith('charge.'))) {
          // The order's own event first: on a narrow screen the line ends in an ellipsis.
          const ordered = [...types.filter((t) => t.startsWith('charge.')), ...types.filter((t) => !t.startsWith('charge.'))];
          setText(`${types.length > 1 ? 'Webhooks' : 'Webhook'} received: ${ordered.join(', ')}`);
          setReceived(true);
          return;
        }
      }
      if (!stopped) setText('No webhook yet: the vault keeps retrying (pnpm vault webhooks list).');
    })();
    return () => {
      stopped = true;
    };
  }, [chargeId]);
  return (
    <p className={received ? 'webhook webhook--received' : 'webhook'} data-testid="webhook" aria-live="polite">
      {text}
    </p>
  );
}

async function eventTypes(chargeId: string): Promise<string[]> {
  try {
    const res = await fetch(`/api/orders/${encodeURIComponent(chargeId)}/events`);
    if (!res.ok) return [];
    const body = (await res.json()) as { data?: { type: string }[] };
    return (body.data ?? []).map((e) => e.type);
  } catch {
    return [];
  }
}
