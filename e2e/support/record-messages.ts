// Runs in the merchant page before any of its scripts (context.addInitScript): records every
// message the top-level page receives — window `message` events and messages on any MessagePort
// the page listens on (the SDK's private ports) — as text, through a Playwright binding. An
// attacker's script could do exactly this, so anything it records is what the page could learn.
// Plain JS in a function: it is serialized into the page, so it may use nothing from this module.
export function recordMessages(bindingName: string): void {
  if (window.top !== window) return; // only the merchant page itself, not the frames inside it
  const send = (kind: string, data: unknown): void => {
    const record = (window as unknown as Record<string, (k: string, t: string) => void>)[bindingName];
    record?.(kind, serialize(data, 0, new Set()));
  };
  // Structured-clone types walked by hand: ports and buffers would not survive JSON.
  function serialize(x: unknown, depth: number, seen: Set<unknown>): string {
    if (x === null || typeof x !== 'object') return typeof x === 'function' ? '[function]' : String(x);
    if (seen.has(x) || depth > 20) return '[seen]';
    seen.add(x);
    if (x instanceof ArrayBuffer) return serialize(new Uint8Array(x), depth + 1, seen);
    if (ArrayBuffer.isView(x)) {
      const bytes = new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
      return `${String.fromCharCode(...bytes)} [${bytes.join(',')}]`;
    }
    if (x instanceof MessagePort) return '[MessagePort]';
    if (x instanceof Map || x instanceof Set) return [...x.entries()].map((e) => serialize(e, depth + 1, seen)).join(' ');
    if (x instanceof Date || x instanceof RegExp || x instanceof String || x instanceof Number) return String(x);
    if (x instanceof Blob) return `[Blob ${x.size}]`;
    return Object.keys(x)
      .map((k) => `${k}=${serialize((x as Record<string, unknown>)[k], depth + 1, seen)}`)
      .join(' ');
  }
  window.addEventListener('message', (e) => send(`window message from ${e.origin}`, e.data), true);

  const watched = new WeakSet<MessagePort>();
  const watch = (port: MessagePort): void => {
    if (watched.has(port)) return;
    watched.add(port);
    EventTarget.prototype.addEventListener.call(port, 'message', (e) => send('port message', (e as MessageEvent).data));
  };
  const proto = MessagePort.prototype;
  const addListener = proto.addEventListener;
  proto.addEventListener = function (this: MessagePort, ...args: Parameters<typeof addListener>) {
    watch(this);
    return addListener.apply(this, args);
  };
  const onmessage = Object.getOwnPropertyDescriptor(proto, 'onmessage')!;
  Object.defineProperty(proto, 'onmessage', {
    ...onmessage,
    set(this: MessagePort, handler: ((e: MessageEvent) => void) | null) {
      watch(this);
      onmessage.set!.call(this, handler);
    },
  });
}
