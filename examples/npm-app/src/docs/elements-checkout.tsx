// docs/integration.md, "4. Custom elements", React 19 (the URLs were given to defineTokenframeElements()).
// #region docs: elements-react
import { useEffect, useRef, useState } from 'react';
import type {} from '@tokenframe/sdk/react'; // the tags in JSX.IntrinsicElements
import type { FieldsChangeEvent, StyleSpec, TokenizeResult } from '@tokenframe/sdk';
import type { TfFieldsElement } from '@tokenframe/sdk/elements';

const style: StyleSpec = { base: { fontSize: '16px', color: '#1f2328' } };

export function ElementsCheckout({ pk }: { pk: string }) {
  const group = useRef<TfFieldsElement>(null);
  const [complete, setComplete] = useState(false);
  const [result, setResult] = useState<TokenizeResult>();

  useEffect(() => {
    const el = group.current;
    const onChange = (e: Event) => setComplete((e as CustomEvent<FieldsChangeEvent>).detail.complete);
    el?.addEventListener('tf-change', onChange);
    return () => el?.removeEventListener('tf-change', onChange);
  }, []);

  async function pay() {
    const tokenized = await group.current?.tokenize(); // undefined only before the first render
    if (tokenized) setResult(tokenized);
  }

  return (
    <>
      <tf-fields ref={group} appearance={style} publishable-key={pk}>
        <tf-card-number label="Card number" />
        <tf-card-expiry label="Expiry date" />
        <tf-card-cvc label="Security code" />
      </tf-fields>
      <button type="button" disabled={!complete} onClick={pay}>Pay</button>
      <output data-testid="token">{result && 'token' in result ? result.token : ''}</output>
      <output data-testid="error">{result && 'error' in result ? result.error.message : ''}</output>
    </>
  );
}
// #endregion
