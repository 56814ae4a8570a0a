/**
 * What Enter in an <input> would do, for a field whose Enter happened inside its frame (the frame
 * emits `submit`; the key press never reaches this document): submit the form, unless its submit
 * button is disabled (still loading, or a payment in flight), as HTML's implicit submission does.
 */
export function submitLikeEnter(form: HTMLFormElement | null): void {
  const button = form?.querySelector<HTMLButtonElement>('button[type="submit"]');
  if (form && button && !button.disabled) form.requestSubmit();
}
