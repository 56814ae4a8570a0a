/**
 * A field frame's boot: field.html?type=&pk=&origin=&v=#mount= (split fields) and, for `type=card`,
 * card.html (the vault serves it under the same URL). Each document registers its own element first.
 *
 * Requirements (DESIGN.md "The channel"; issue #5): refuse to run in an opaque origin or without
 * WebCrypto (error state, nothing posted); speak to the page only through acceptParent (HELLO to the
 * exact origin this document was served for) and only in state terms — ready, change, focus, blur,
 * escape, submit, resize; hand values only to this mount's controller over the mount bus.
 */
import '@tokenframe/fields/fields.css';
import { acceptParent } from '@tokenframe/channel';
import type { FieldChange, FieldValues, TfInput } from '@tokenframe/fields';
import { canRunHere } from '../can-run-here';
import { readFieldType, readFrameParams } from '../frame-params';
import { FieldPeer } from '../mount/field-peer';
import { MountBus } from '../mount/mount-bus';
import { readFontHosts } from '../server-config';
import { showUnavailable } from '../show-unavailable';
import { FieldConfigurator } from './configure-field';
import { createField } from './create-field';
import { followWindowFocus } from './follow-window-focus';

/** `card`: this is the card document (<tf-card>); otherwise a split field document (<tf-input>). */
export function bootField(card: boolean): void {
  const params = readFrameParams(location);
  const type = readFieldType(location);
  // A split document was not built with <tf-card>, nor the card document for a split field.
  if (!canRunHere(self) || !params || !type || (type === 'card') !== card) return showUnavailable(document);

  const el = createField(document, type);
  const conn = acceptParent({ parentOrigin: params.origin, pk: params.pk, mount: params.mount, role: type });
  // The element renders right after HELLO, not before: acceptParent says HELLO from this window's
  // `load` (its listener comes first), so the page answers while this frame renders. The four frames
  // of a mount share one renderer thread (apps/frame/README.md, "Load path"). Handlers are all in
  // place before the page's CONNECT and `configure` can arrive (later tasks).
  if (document.readyState === 'complete') document.body.replaceChildren(el);
  else addEventListener('load', () => document.body.replaceChildren(el), { once: true });
  const peer = new FieldPeer(new MountBus(params), type, {
    read: () => el.readValues(),
    onReveal: () => el.reveal(),
    onAutofill: (values) => el.applyValues(values),
    onBrand: (brand, cvcLength) => {
      if (type === 'cardCvc')
        (el as TfInput).brand =
          brand === 'unknown' ? undefined : { id: brand, name: brand, lengths: [], cvcLength, gaps: [], luhn: true, networks: [brand] };
    },
  });
  const configurator = new FieldConfigurator(document, el, readFontHosts(document));

  let sharedBrand = '';
  el.addEventListener('tf-change', (e) => {
    const detail = (e as CustomEvent<FieldChange>).detail;
    conn.emit({ name: 'change', detail: { field: type, ...detail } });
    if (type === 'cardNumber' && detail.brand !== undefined && detail.brand !== sharedBrand) {
      sharedBrand = detail.brand;
      peer.shareBrand(detail.brand, (el as TfInput).detectedBrand?.cvcLength ?? 4);
    }
  });
  el.addEventListener('tf-autofill', (e) => peer.relayAutofill(autofillPart((e as CustomEvent<FieldValues>).detail)));
  for (const name of ['focus', 'blur', 'escape', 'submit'] as const) el.addEventListener(`tf-${name}`, () => conn.emit({ name }));

  let ready = false;
  conn.handle('configure', async (config) => {
    await configurator.apply(config);
    if (!ready) {
      ready = true;
      conn.emit({ name: 'ready' });
    }
    return null;
  });
  conn.handle('focus', () => (el.focus(), null));
  conn.handle('blur', () => (el.blur(), null));
  conn.handle('clear', () => (el.clear(), null));

  reportHeight((height) => conn.emit({ name: 'resize', detail: { height } }));
  followWindowFocus(document, el);
  addEventListener('pagehide', () => {
    peer.close();
    conn.destroy();
  });
}

function autofillPart(values: FieldValues): { expiry?: string; cvc?: string; name?: string } {
  const { expiry, cvc, name } = values;
  return { ...(expiry !== undefined ? { expiry } : {}), ...(cvc !== undefined ? { cvc } : {}), ...(name !== undefined ? { name } : {}) };
}

function reportHeight(emit: (height: number) => void): void {
  let last = -1;
  new ResizeObserver(() => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) emit((last = height));
  }).observe(document.documentElement);
}
