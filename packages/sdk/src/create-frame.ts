import { PROTOCOL_VERSION, type FrameRole } from '@tokenframe/protocol';
import type { Env } from './env';

const TITLES: Record<FrameRole, string> = {
  controller: 'Tokenframe controller',
  card: 'card',
  cardNumber: 'card number',
  cardExpiry: 'expiration date',
  cardCvc: 'CVC',
  cardholderName: 'cardholder name',
  postalCode: 'postal code',
};

/**
 * Builds a frame element for one role (DESIGN.md, "The channel" step 1): `pk` and `origin` in the
 * query because the vault checks them before serving, the mount id in the fragment.
 *
 * No `sandbox` attribute: the frame must keep its real origin (BroadcastChannel between the
 * field and controller frames, WebCrypto, and the exact-origin HELLO all depend on it), so any
 * useful sandbox needs `allow-scripts allow-same-origin`, which on our own cross-origin document
 * adds nothing the frame's CSP (`form-action 'none'`, no navigation code) does not already give.
 * No `allow` attribute either: the frame needs no extra permission. No `frameborder`: CSS `border:0`.
 */
export function createFrame(env: Env, framesUrl: string, pk: string, role: FrameRole, mount: string): HTMLIFrameElement {
  const iframe = env.document.createElement('iframe');
  const controller = role === 'controller';
  const query = new URLSearchParams({ ...(!controller && { type: role }), pk, origin: env.origin, v: PROTOCOL_VERSION });
  iframe.src = `${framesUrl}/frames/v1/${controller ? role : 'field'}.html?${query}#mount=${mount}`;
  iframe.title = controller ? TITLES[role] : `Secure ${TITLES[role]} input`;
  iframe.style.cssText = controller
    ? 'display:none'
    : 'border:0;width:100%;display:block;overflow:hidden;color-scheme:normal;height:2.75em';
  if (controller) {
    iframe.tabIndex = -1;
    iframe.setAttribute('aria-hidden', 'true');
  }
  return iframe;
}
