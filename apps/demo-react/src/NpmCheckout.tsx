// The checkout with the npm package: loadTokenframe() in an effect, one field group, cleaned up on
// unmount. Under StrictMode React runs the effect, its cleanup, and the effect again: the first
// group is destroyed (its frames removed) before the second one mounts.
import { useCallback, useEffect, useRef, useState } from 'react';
import { loadTokenframe, type ChangeDetail, type FieldType, type Fields } from '@tokenframe/sdk';
import { totalFor, type OutcomeId } from './demo-order';
import { FIELD_STYLE } from './field-style';
import { PayButton } from './PayButton';
import { PaymentSuccess } from './PaymentSuccess';
import { shopperMessage } from './shopper-message';
import { submitLikeEnter } from './submit-like-enter';
import { useCheckout } from './use-checkout';
import type { DemoConfig } from './use-demo-config';

const FIELDS = [
  { type: 'cardNumber', label: 'Card number', placeholder: '1234 1234 1234 1234', wide: true },
  { type: 'cardExpiry', label: 'Expiry date', placeholder: 'MM / YY', wide: false },
  { type: 'cardCvc', label: 'Security code', placeholder: 'CVC', wide: false },
] as const satisfies readonly { type: FieldType; label: string; placeholder: string; wide: boolean }[];

export function NpmCheckout({ config, outcome, onPaid }: { config: DemoConfig; outcome: OutcomeId; onPaid: () => void }) {
  const containers = useRef(new Map<FieldType, HTMLDivElement>());
  const form = useRef<HTMLFormElement>(null);
  const fieldsRef = useRef<Fields | undefined>(undefined);
  const [ready, setReady] = useState(false);
  const [loadError, setLoadError] = useState('');
  const [details, setDetails] = useState<Partial<Record<FieldType, ChangeDetail>>>({});
  // The focus ring follows the fields' focus/blur events: :focus-within misses focus inside a cross-origin frame.
  const [focused, setFocused] = useState<FieldType>();

  useEffect(() => {
    const abort = new AbortController();
    let fields: Fields | undefined;
    (async () => {
      const tf = await loadTokenframe(config.publishableKey, { vaultUrl: config.vaultUrl, framesUrl: config.framesUrl });
      if (abort.signal.aborted) return;
      fields = fieldsRef.current = tf.fields({ style: FIELD_STYLE, locale: 'en' });
      fields.on('change', (e) => setDetails({ ...e.fields }));
      await Promise.all(
        FIELDS.map(({ type, label, placeholder }) => {
          const container = containers.current.get(type);
          if (!container) throw new Error(`no container for ${type}`);
          const field = fields?.create(type, { ariaLabel: label, placeholder });
          field?.on('submit', () => submitLikeEnter(form.current));
          field?.on('focus', () => setFocused(type));
          field?.on('blur', () => setFocused((f) => (f === type ? undefined : f)));
          return field?.mount(container, { signal: abort.signal });
        }),
      );
      setReady(true);
    })().catch((error: unknown) => {
      if (abort.signal.aborted) return; // StrictMode's first pass, or the shopper left the page
      setLoadError(shopperMessage(error as Parameters<typeof shopperMessage>[0]));
    });
    return () => {
      abort.abort();
      fields?.destroy();
      fieldsRef.current = undefined;
      setReady(false);
    };
  }, [config]);

  const tokenize = useCallback(() => fieldsRef.current?.tokenize(), []);
  const focusField = useCallback((type: string) => fieldsRef.current?.get(type as FieldType)?.focus(), []);
  const checkout = useCheckout(tokenize, outcome, focusField, onPaid);
  if (checkout.paid) return <PaymentSuccess {...checkout.paid} />;

  return (
    <form ref={form} className="form" noValidate onSubmit={checkout.onSubmit} aria-busy={checkout.busy}>
      {FIELDS.map(({ type, label, wide }) => {
        const detail = details[type];
        const message = detail?.error && !detail.empty ? detail.error.message : '';
        const classes = [
          'input',
          ready || loadError ? '' : 'input--loading',
          message ? 'input--invalid' : '',
          detail?.complete ? 'input--complete' : '',
          focused === type ? 'input--focus' : '',
        ];
        return (
          <div className={wide ? 'field field--full' : 'field'} key={type}>
            <span className="label" onClick={() => fieldsRef.current?.get(type)?.focus()}>
              {label}
            </span>
            <div
              className={classes.filter(Boolean).join(' ')}
              ref={(el) => void (el ? containers.current.set(type, el) : containers.current.delete(type))}
            />
            <p className="field-error" aria-live="polite">
              {message}
            </p>
          </div>
        );
      })}
      <PayButton ready={ready} busy={checkout.busy} error={checkout.error || loadError} totalCents={totalFor(outcome)} />
    </form>
  );
}
