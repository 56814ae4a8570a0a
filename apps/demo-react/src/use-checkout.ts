import { useCallback, useState, type FormEvent } from 'react';
import type { TokenizeResult } from '@tokenframe/sdk';
import type { OutcomeId } from './demo-order';
import { payWithToken, type PaidCharge } from './pay-with-token';
import { fieldErrorMessage, shopperMessage } from './shopper-message';

export interface CheckoutState {
  busy: boolean;
  error: string;
  paid?: { token: string; charge: PaidCharge };
}

/**
 * The submit flow both React forms share: tokenize in the frames, then let the shop's backend charge
 * the token. `tokenize` is whichever API the form uses (fields.tokenize() or <tf-fields>.tokenize());
 * `onFieldError` moves focus to the field a card error names; `outcome` is the test-mode choice.
 */
export function useCheckout(
  tokenize: () => Promise<TokenizeResult> | undefined,
  outcome: OutcomeId,
  onFieldError?: (field: string) => void,
  onPaid?: () => void,
) {
  const [state, setState] = useState<CheckoutState>({ busy: false, error: '' });
  const onSubmit = useCallback(
    async (event: FormEvent) => {
      event.preventDefault();
      const pending = tokenize();
      if (!pending) return;
      setState({ busy: true, error: '' });
      const result = await pending;
      if ('error' in result && result.error.field) {
        onFieldError?.(result.error.field);
        return setState({ busy: false, error: fieldErrorMessage(result.error) });
      }
      if ('error' in result) return setState({ busy: false, error: shopperMessage(result.error) });
      const paid = await payWithToken(result.token, outcome);
      if ('error' in paid) return setState({ busy: false, error: shopperMessage(paid.error) });
      setState({ busy: false, error: '', paid: { token: result.token, charge: paid.charge } });
      onPaid?.();
    },
    [tokenize, outcome, onFieldError, onPaid],
  );
  return { ...state, onSubmit };
}
