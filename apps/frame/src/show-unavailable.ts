import { messagesFor } from '@tokenframe/fields';

/** The error state of a frame that refuses to run: a short notice, nothing posted anywhere. */
export function showUnavailable(doc: Document): void {
  const m = messagesFor('en'); // no locale chunk is fetched for a frame that refuses to run
  const p = doc.createElement('p');
  p.className = 'tf-unavailable';
  p.setAttribute('role', 'alert');
  p.textContent = m.unavailable;
  doc.body.replaceChildren(p);
}
