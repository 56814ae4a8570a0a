/** What the shop's backend answers about a refund (apps/demo/src/refund-charge.ts). */
export interface RefundedCharge {
  id: string;
  status: string;
  currency: string;
  amountRefunded: number;
  refunded: boolean;
}

/** Asks the shop's backend to refund the whole charge (once: its idempotency key is the charge's). */
export async function refundCharge(charge: string): Promise<{ charge: RefundedCharge } | { error: string }> {
  try {
    const res = await fetch('/api/refund', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ charge }),
    });
    const body = (await res.json().catch(() => ({}))) as { charge?: RefundedCharge; error?: { message?: string } };
    if (res.ok && body.charge?.refunded) return { charge: body.charge };
    return { error: body.error?.message ?? 'The refund could not be confirmed.' };
  } catch {
    return { error: 'The shop did not answer. Please check the payment before trying again.' };
  }
}
