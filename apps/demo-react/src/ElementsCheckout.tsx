// The checkout with the custom elements: <tf-fields> holds the configuration, its children are
// the secure fields, and tokenize() is a method on the element. React 19 sets known properties
// (appearance) and attributes on custom elements as-is, so no wrapper component is needed.
// StrictMode re-runs effects but keeps the DOM, so each element connects once.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { defineTokenframeElements, type TfFieldsElement } from '@tokenframe/sdk/elements';
import type { FieldsChangeEvent, FieldType, TokenframeErrorShape } from '@tokenframe/sdk';
import { totalFor, type OutcomeId } from './demo-order';
import { FIELD_STYLE } from './field-style';
import { PayButton } from './PayButton';
import { PaymentSuccess } from './PaymentSuccess';
import { shopperMessage } from './shopper-message';
import { submitLikeEnter } from './submit-like-enter';
import { useCheckout } from './use-checkout';
import type { DemoConfig } from './use-demo-config';

const FIELD_TAGS = 'tf-card-number, tf-card-expiry, tf-card-cvc';
const TYPE_OF_TAG: Record<string, FieldType> = { 'TF-CARD-NUMBER': 'cardNumber', 'TF-CARD-EXPIRY': 'cardExpiry', 'TF-CARD-CVC': 'cardCvc' };

export function ElementsCheckout({ config, outcome, onPaid }: { config: DemoConfig; outcome: OutcomeId; onPaid: () => void }) {
  // In script, never as attributes: markup injected into the page must not choose where card data
  // goes. Idempotent, and this module is lazy-loaded on the client only.
  defineTokenframeElements({ vaultUrl: config.vaultUrl, framesUrl: config.framesUrl });
  const group = useRef<TfFieldsElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const [ready, setReady] = useState(false);
  const [loadError, setLoadError] = useState('');
  const [change, setChange] = useState<FieldsChangeEvent>();
  // The focus ring follows tf-focus/tf-blur: :focus-within misses focus inside a cross-origin frame.
  const [focused, setFocused] = useState<FieldType>();

  useEffect(() => {
    const el = group.current;
    if (!el) return;
    const children = [...el.querySelectorAll(FIELD_TAGS)];
    const readyOnes = new Set<Element>();
    const onReady = (e: Event) => {
      readyOnes.add(e.currentTarget as Element);
      if (readyOnes.size === children.length) setReady(true);
    };
    const onLoadError = (e: Event) => setLoadError(shopperMessage((e as CustomEvent<TokenframeErrorShape>).detail));
    const onChange = (e: Event) => setChange((e as CustomEvent<FieldsChangeEvent>).detail);
    const onSubmit = () => submitLikeEnter(form.current);
    const typeOf = (e: Event) => TYPE_OF_TAG[(e.currentTarget as Element).tagName];
    const onFocus = (e: Event) => setFocused(typeOf(e));
    const onBlur = (e: Event) => {
      const type = typeOf(e); // read now: currentTarget is null once the event is done
      setFocused((f) => (f === type ? undefined : f));
    };
    for (const child of children) {
      child.addEventListener('tf-ready', onReady);
      child.addEventListener('tf-loaderror', onLoadError);
      child.addEventListener('tf-submit', onSubmit);
      child.addEventListener('tf-focus', onFocus);
      child.addEventListener('tf-blur', onBlur);
    }
    el.addEventListener('tf-change', onChange);
    return () => {
      for (const child of children) {
        child.removeEventListener('tf-ready', onReady);
        child.removeEventListener('tf-loaderror', onLoadError);
        child.removeEventListener('tf-submit', onSubmit);
        child.removeEventListener('tf-focus', onFocus);
        child.removeEventListener('tf-blur', onBlur);
      }
      el.removeEventListener('tf-change', onChange);
    };
  }, []);

  const tokenize = useCallback(() => group.current?.tokenize(), []);
  const focusField = useCallback((type: string) => group.current?.fields?.get(type as FieldType)?.focus(), []);
  const checkout = useCheckout(tokenize, outcome, focusField, onPaid);
  if (checkout.paid) return <PaymentSuccess {...checkout.paid} />;

  const field = (type: FieldType, label: string, wide: boolean, element: ReactNode) => {
    const detail = change?.fields[type];
    const message = detail?.error && !detail.empty ? detail.error.message : '';
    const classes = [
      'input',
      ready || loadError ? '' : 'input--loading',
      message ? 'input--invalid' : '',
      focused === type ? 'input--focus' : '',
    ];
    return (
      <div className={wide ? 'field field--full' : 'field'}>
        <span className="label" onClick={() => group.current?.querySelector<HTMLElement>(`[label="${label}"]`)?.focus()}>
          {label}
        </span>
        <div className={classes.filter(Boolean).join(' ')}>{element}</div>
        <p className="field-error" aria-live="polite">
          {message}
        </p>
      </div>
    );
  };

  return (
    <form ref={form} className="form" noValidate onSubmit={checkout.onSubmit}>
      <tf-fields ref={group} appearance={FIELD_STYLE} locale="en" publishable-key={config.publishableKey}>
        {field('cardNumber', 'Card number', true, <tf-card-number label="Card number" placeholder="1234 1234 1234 1234" />)}
        {field('cardExpiry', 'Expiry date', false, <tf-card-expiry label="Expiry date" placeholder="MM / YY" />)}
        {field('cardCvc', 'Security code', false, <tf-card-cvc label="Security code" placeholder="CVC" />)}
      </tf-fields>
      <PayButton ready={ready} busy={checkout.busy} error={checkout.error || loadError} totalCents={totalFor(outcome)} />
    </form>
  );
}
