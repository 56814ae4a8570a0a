import { useState } from 'react';
import { refundCharge, type RefundedCharge } from './refund-charge';

/** The receipt's Refund button: disabled while the refund is in flight, gone once it is done; an error says so below it. */
export function RefundButton({ chargeId, onRefunded }: { chargeId: string; onRefunded: (charge: RefundedCharge) => void }) {
  const [state, setState] = useState<'idle' | 'busy' | 'done'>('idle');
  const [error, setError] = useState('');
  const refund = async () => {
    setState('busy');
    setError('');
    const result = await refundCharge(chargeId);
    if ('error' in result) {
      setError(result.error);
      return setState('idle');
    }
    setState('done');
    onRefunded(result.charge);
  };
  return (
    <>
      {state !== 'done' && (
        <p className="refund-row">
          <button type="button" className="refund" data-testid="refund" disabled={state === 'busy'} onClick={refund}>
            Refund
          </button>
        </p>
      )}
      <p className="refund-error" data-testid="refund-error" role="alert" hidden={error === ''}>
        {error}
      </p>
    </>
  );
}
