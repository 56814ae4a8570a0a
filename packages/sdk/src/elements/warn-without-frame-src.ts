/**
 * Development aid (test keys only): warns when the page's Content-Security-Policy does not restrict
 * which origins may be framed. With `frame-src {framesUrl}` the browser itself refuses a secure-field
 * look-alike from any other origin, whatever markup or script got into the page.
 *
 * Script cannot read a CSP sent as a header, so the check asks the browser: a hidden `data:` iframe
 * is refused by any frame-src (or child-src/default-src) that does not list `data:`, and Chromium,
 * Firefox and WebKit report that `securitypolicyviolation` before the frame's `load`. It runs for
 * `pk_test_` keys only: on a page with a policy, the refusal is logged (and reported to a report-uri),
 * noise a live checkout must not make.
 */
let checked = false;

export function warnWithoutFrameSrc(pk: string, framesUrl: string, doc: Document = document): void {
  if (checked || !pk.startsWith('pk_test_') || typeof SecurityPolicyViolationEvent === 'undefined') return;
  checked = true;
  let restricted = false;
  const onViolation = (e: SecurityPolicyViolationEvent): void => void (e.effectiveDirective === 'frame-src' && (restricted = true));
  doc.addEventListener('securitypolicyviolation', onViolation);
  const probe = doc.createElement('iframe');
  probe.hidden = true;
  probe.setAttribute('aria-hidden', 'true');
  probe.tabIndex = -1;
  probe.addEventListener('load', () =>
    setTimeout(() => {
      doc.removeEventListener('securitypolicyviolation', onViolation);
      probe.remove();
      if (!restricted)
        console.warn(
          `Tokenframe: this page has no Content-Security-Policy frame-src. Add "frame-src ${framesUrl}" so that injected markup or script cannot frame a look-alike card form from another origin (docs/security.md).`,
        );
    }),
  );
  probe.src = 'data:text/html,';
  doc.body.append(probe);
}
