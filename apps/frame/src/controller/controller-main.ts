/**
 * The hidden controller frame (controller.html?pk=&origin=&v=#mount=): one per mount.
 *
 * Requirements (DESIGN.md "Tokenize"): open a session ahead of tokenize (once the mount is ready and
 * idle); on `tokenize` collect the values of this mount's fields (mount bus, stamp-checked), validate
 * (an incomplete form is a field error and no request), seal, POST, and reply only `{token, card}` or
 * `{error}`. The API origin comes from the vault-injected <meta name="tf-api-origin">, never from the page.
 */
import { acceptParent } from '@tokenframe/channel';
import { loadLocale, resolveLocale } from '@tokenframe/fields';
import type { LocaleId } from '@tokenframe/fields';
import type { TokenizeResult } from '@tokenframe/protocol';
import { canRunHere } from '../can-run-here';
import { readFrameParams } from '../frame-params';
import { ControllerPeer } from '../mount/controller-peer';
import { MountBus } from '../mount/mount-bus';
import { readApiOrigin } from '../server-config';
import { showUnavailable } from '../show-unavailable';
import { readCard } from './read-card';
import { Tokenizer } from './tokenizer';
import { VaultClient } from './vault-client';

function main(): void {
  const params = readFrameParams(location);
  const api = readApiOrigin(document);
  if (!canRunHere(self) || !params || !api) return showUnavailable(document);

  const conn = acceptParent({ parentOrigin: params.origin, pk: params.pk, mount: params.mount, role: 'controller' });
  const peer = new ControllerPeer(new MountBus(params));
  const tokenizer = new Tokenizer({ client: new VaultClient({ api, pk: params.pk }), pk: params.pk, origin: params.origin, api });

  let locale: LocaleId = resolveLocale(undefined, navigator.language);
  let inFlight: Promise<TokenizeResult> | undefined;
  conn.handle('configure', async (config) => {
    const wanted = resolveLocale(config.locale, navigator.language);
    await loadLocale(wanted).then(
      () => (locale = wanted),
      () => undefined,
    );
    return null;
  });
  conn.handle('tokenize', (p) => {
    // A double click gets the same answer, not a second token.
    inFlight ??= (async (): Promise<TokenizeResult> => {
      const collected = await peer.collect();
      const card = readCard(collected, p?.extra, locale);
      if (!card.ok) {
        peer.reveal();
        return { error: card.error };
      }
      return tokenizer.tokenize(card.card, collected.fields);
    })().finally(() => (inFlight = undefined));
    return inFlight;
  });
  void conn.connected.then(() => {
    conn.emit({ name: 'ready' });
    // The session, the JWKS and the first ephemeral key wait until the mount's frames are idle: they
    // share this renderer's main thread (and the session's preflight and POST the network and the
    // vault), and the fields' boot is what the shopper waits for. A tokenize before then opens the
    // session itself.
    const prepare = (): void => {
      tokenizer.start();
      tokenizer.prepare();
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(prepare, { timeout: 2_000 });
    else setTimeout(prepare, 500);
  });
  addEventListener('pagehide', () => {
    peer.close();
    conn.destroy();
  });
}

main();
