// The checkout with the custom elements: <tf-fields> holds the configuration, its children are
// the secure fields, and tokenize() is a method on the element. React 19 passes attributes and
// refs to custom elements as-is, so no wrapper component is needed.
import { useCallback, useEffect, useRef, useState } from 'react';
import '@tokenframe/sdk/elements';
import type { ChangeDetail, FieldType, TokenizeResult } from '@tokenframe/sdk';
import { PayButton } from './PayButton';
import { PaymentSuccess } from './PaymentSuccess';
import { useCheckout } from './use-checkout';
import type { DemoConfig } from './use-demo-config';

interface TfFieldsElement extends HTMLElement {
  tokenize(): Promise<TokenizeResult>;
}

const LABELS: Record<string, string> = { cardNumber: 'Card number', cardExpiry: 'Expiry date', cardCvc: 'Security code' };

export function ElementsCheckout({ config }: { config: DemoConfig }) {
  const group = useRef<TfFieldsElement>(null);
  const [ready, setReady] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<FieldType, string>>>({});

  useEffect(() => {
    const el = group.current;
    if (!el) return;
    const onReady = () => setReady(true);
    const onChange = (e: Event) => {
      const detail = (e as CustomEvent<ChangeDetail>).detail;
      setErrors((prev) => ({ ...prev, [detail.field]: detail.error && !detail.empty ? detail.error.message : '' }));
    };
    el.addEventListener('tf-ready', onReady);
    el.addEventListener('tf-change', onChange);
    return () => {
      el.removeEventListener('tf-ready', onReady);
      el.removeEventListener('tf-change', onChange);
    };
  }, []);

  const tokenize = useCallback(() => group.current?.tokenize(), []);
  const checkout = useCheckout(tokenize);
  if (checkout.paid) return <PaymentSuccess {...checkout.paid} />;

  const field = (type: FieldType, wide: boolean, element: React.ReactNode) => (
    <div className={wide ? 'field field--full' : 'field'}>
      <span className="label">{LABELS[type]}</span>
      <div className={`input ${ready ? '' : 'input--loading'} ${errors[type] ? 'input--invalid' : ''}`}>{element}</div>
      <p className="field-error" aria-live="polite">{errors[type]}</p>
    </div>
  );

  return (
    <form className="form" noValidate onSubmit={checkout.onSubmit}>
      <tf-fields ref={group} publishable-key={config.publishableKey} vault-url={config.vaultUrl} frames-url={config.framesUrl}>
        {field('cardNumber', true, <tf-card-number aria-label="Card number" placeholder="1234 1234 1234 1234" />)}
        {field('cardExpiry', false, <tf-card-expiry aria-label="Expiry date" placeholder="MM / YY" />)}
        {field('cardCvc', false, <tf-card-cvc aria-label="Security code" placeholder="CVC" />)}
      </tf-fields>
      <PayButton ready={ready} busy={checkout.busy} error={checkout.error} />
    </form>
  );
}
