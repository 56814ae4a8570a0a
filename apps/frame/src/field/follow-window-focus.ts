/**
 * Keeps the field's focus state true to where the shopper's keys go when focus crosses frames, the
 * same in every engine (docs/integration.md, "Engine differences"):
 *
 * - The SDK's auto-advance calls iframe.focus(): this window gets focus, the input must follow,
 *   unless a click already put focus on an input of ours.
 * - WebKit ignores focus() in a cross-origin frame the shopper has not interacted with yet, so after
 *   auto-advance the document has focus and the input does not. A key press is an interaction: the
 *   input takes focus then, before the key's default action, and the character lands in it. Not on
 *   Tab: focus would move on from the input and skip the field.
 * - WebKit fires no `blur` on the input when a click moves focus into another frame (only this
 *   window's `blur`), and no `focus` when the window gets focus back with the input still active:
 *   the field would never show its error after being left, and the page would keep its focus ring.
 *   Those events are dispatched here when the engine left them out.
 */
export function followWindowFocus(doc: Document, el: HTMLElement): void {
  const win = doc.defaultView!;
  let focused: Element | null = null; // the input of ours that last got `focus` and no `blur` since
  doc.addEventListener('focusin', (e) => (focused = e.target as Element), true);
  doc.addEventListener('focusout', () => (focused = null), true);
  const ours = (): HTMLInputElement | null => {
    const a = doc.activeElement;
    return a instanceof win.HTMLInputElement && el.contains(a) ? a : null;
  };

  win.addEventListener('focus', () =>
    win.setTimeout(() => {
      if (doc.activeElement === doc.body) return el.focus();
      const input = ours();
      if (input && focused !== input) {
        input.dispatchEvent(new FocusEvent('focus'));
        input.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
      }
    }),
  );
  win.addEventListener('blur', () => {
    const input = ours();
    if (!input || focused !== input) return; // the engine's own `blur` came first
    input.dispatchEvent(new FocusEvent('blur'));
    input.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
  });
  doc.addEventListener('keydown', (e) => e.key !== 'Tab' && doc.activeElement === doc.body && el.focus(), true);
}
