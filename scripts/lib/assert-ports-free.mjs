// Fails loudly when a port the stack needs is taken, instead of drifting to another one.
import { createServer } from 'node:net';

/** Resolves true when nothing listens on host:port (an address family the machine lacks counts as free). */
function isFree(port, host) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (err) => resolve(err.code === 'EADDRNOTAVAIL' || err.code === 'EAFNOSUPPORT'));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * @param {{ port: number, name: string }[]} wanted
 * @returns {Promise<void>} rejects with one message listing every taken port and what to do.
 */
export async function assertPortsFree(wanted) {
  const taken = [];
  for (const { port, name } of wanted) {
    const free = (await isFree(port, '127.0.0.1')) && (await isFree(port, '::1'));
    if (!free) taken.push(`  - port ${port} (${name})`);
  }
  if (taken.length === 0) return;
  throw new Error(
    `These ports are already in use:\n${taken.join('\n')}\n` +
      'Tokenframe never moves to another port: the demo keys allow exactly these origins.\n' +
      'Stop what is listening (find it with `ss -ltnp` or `lsof -i :PORT`; often an earlier `pnpm demo`) and run again.',
  );
}
