// What a hostile script on the merchant page can do with the frames, written as functions that
// Playwright runs in the page (page.evaluate): the same power as any script the page includes.
// Each is serialized into the page, so it may use nothing from this module.

/**
 * Inserts a frame of ours under `pk`, does the HELLO/CONNECT handshake itself and sends one request,
 * then a harmless `blur`. The port delivers in order and a malformed request is dropped without a
 * reply, so when the `blur` reply arrives the first one has answered or was dropped (`undefined`).
 */
export async function rawFrameRequest(args: { src: string; framesOrigin: string; method: string; params?: unknown }): Promise<unknown> {
  const mount = new URL(args.src).hash.replace('#mount=', '');
  const iframe = document.createElement('iframe');
  iframe.src = args.src;
  const port = await new Promise<MessagePort>((resolve) => {
    addEventListener('message', function onHello(e: MessageEvent) {
      const d = e.data as { type?: string; mount?: string } | null;
      if (e.source !== iframe.contentWindow || d?.type !== 'hello' || d.mount !== mount) return;
      removeEventListener('message', onHello);
      const channel = new MessageChannel();
      iframe.contentWindow!.postMessage({ ns: 'tokenframe', v: '1.0', type: 'connect', mount }, args.framesOrigin, [channel.port2]);
      resolve(channel.port1);
    });
    document.body.append(iframe);
  });
  return new Promise((resolve) => {
    let first: unknown;
    port.onmessage = (e: MessageEvent) => {
      const d = e.data as { type?: string; id?: number } | null;
      if (d?.type === 'reply' && d.id === 1) first = d;
      if (d?.type === 'reply' && d.id === 2) resolve(first);
    };
    port.postMessage({
      ns: 'tokenframe',
      type: 'request',
      id: 1,
      method: args.method,
      ...(args.params !== undefined ? { params: args.params } : {}),
    });
    // A tokenize waits for its answer first; anything else is followed by a harmless request.
    if (args.method === 'tokenize') port.addEventListener('message', (e) => (e.data as { id?: number })?.id === 1 && resolve(e.data));
    else port.postMessage({ ns: 'tokenframe', type: 'request', id: 2, method: 'blur' });
  });
}

/** Forged protocol messages posted by the page to itself and to every frame on it. */
export function forgeMessages(framesOrigin: string): number {
  const mount = new URL((document.querySelector('iframe[src*="#mount="]') as HTMLIFrameElement).src).hash.replace('#mount=', '');
  const fake = [
    { ns: 'tokenframe', v: '1.0', type: 'hello', mount, role: 'cardNumber' },
    { ns: 'tokenframe', v: '1.0', type: 'hello', mount, role: 'controller' },
    { ns: 'tokenframe', v: '1.0', type: 'connect', mount },
    { ns: 'tokenframe', type: 'event', name: 'change', detail: { field: 'cardNumber', empty: false, complete: true, brand: 'visa' } },
    { ns: 'tokenframe', type: 'event', name: 'ready' },
    ...[1, 2, 3, 4, 5, 6, 7, 8].map((id) => ({
      ns: 'tokenframe',
      type: 'reply',
      id,
      ok: true,
      result: { token: 'tok_FORGEDFORGEDFORGED', card: { brand: 'visa', last4: '0000', expMonth: 1, expYear: 2099 } },
    })),
  ];
  let sent = 0;
  for (const msg of fake) {
    postMessage(msg, location.origin);
    sent++;
    for (const frame of document.querySelectorAll('iframe')) {
      const channel = new MessageChannel();
      frame.contentWindow?.postMessage(msg, framesOrigin, [channel.port2]); // a port too: maybe someone takes it
      frame.contentWindow?.postMessage(msg, framesOrigin);
      sent += 2;
    }
  }
  return sent;
}
