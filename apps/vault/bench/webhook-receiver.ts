// The local receiver of the webhook bench, in its own process (so it does not take the vault's CPU
// time on a small machine): node:http on 127.0.0.1 port 0 answering 204. Prints `port <n>` first,
// then one line per request: `<event createdAt> <arrival Date.now()>`, and `connections <n>` on
// every new TCP connection. Exits when its parent closes stdin.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const at = Date.now();
    const { createdAt } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { createdAt: number };
    process.stdout.write(`${createdAt} ${at}\n`);
    res.writeHead(204).end();
  });
});
let connections = 0;
server.on('connection', () => process.stdout.write(`connections ${++connections}\n`));
server.listen(0, '127.0.0.1', () => process.stdout.write(`port ${(server.address() as AddressInfo).port}\n`));
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
