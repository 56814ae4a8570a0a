import type { IncomingMessage } from 'node:http';

/**
 * Keeps a connection open without answering until the client gives up, the simulator closes
 * (`signal`), or `holdMs` passes; then destroys it. Resolves once the socket is gone.
 */
export function holdSocket(incoming: IncomingMessage, signal: AbortSignal, holdMs?: number): Promise<void> {
  const socket = incoming.socket;
  return new Promise((resolve) => {
    if (socket.destroyed) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      socket.destroy();
      resolve();
    };
    const timer = holdMs === undefined ? undefined : setTimeout(done, holdMs);
    socket.once('close', done);
    signal.addEventListener('abort', done, { once: true });
  });
}
