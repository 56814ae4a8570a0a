// docs/integration.md, "3. npm": the React component, as the docs show it.
// #region docs: npm-react
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { loadTokenframe, type Fields, type TokenizeResult } from '@tokenframe/sdk';

export function NpmCheckout({ pk, vaultUrl, framesUrl }: { pk: string; vaultUrl: string; framesUrl: string }) {
  const box = useRef<HTMLDivElement>(null);
  const fields = useRef<Fields | null>(null); // kept for tokenize(), outside the effect
  const [result, setResult] = useState<TokenizeResult>();
  const [loadError, setLoadError] = useState('');

  useEffect(() => {
    const abort = new AbortController(); // StrictMode runs this twice: the first run is aborted
    let group: Fields | undefined;
    loadTokenframe(pk, { vaultUrl, framesUrl })
      .then((tf) => {
        if (abort.signal.aborted || !box.current) return;
        group = fields.current = tf.fields();
        return group.create('card', { ariaLabel: 'Card' }).mount(box.current, { signal: abort.signal });
      })
      .catch((e: { message: string }) => abort.signal.aborted || setLoadError(e.message));
    return () => {
      abort.abort();
      group?.destroy();
      fields.current = null;
    };
  }, [pk, vaultUrl, framesUrl]);

  async function pay(event: FormEvent) {
    event.preventDefault();
    if (fields.current) setResult(await fields.current.tokenize()); // { token, card } | { error }
  }

  return (
    <form onSubmit={pay}>
      <div ref={box} />
      <button type="submit">Pay</button>
      <output data-testid="token">{result && 'token' in result ? result.token : ''}</output>
      <output data-testid="error">{loadError || (result && 'error' in result ? result.error.message : '')}</output>
    </form>
  );
}
// #endregion
