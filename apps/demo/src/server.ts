// Starts the demo merchant backend on http://localhost:5173 (`pnpm demo` runs this).
import { serve } from '@hono/node-server';
import { createDemoApp } from './demo-app';
import { readDemoConfig } from './demo-config';

const config = readDemoConfig();
const server = serve({ fetch: createDemoApp(config).fetch, port: config.port, hostname: 'localhost' }, () => {
  console.log(`demo checkout on ${config.origin}`);
});
server.on('error', (err: NodeJS.ErrnoException) => {
  // Never drift to another port: the publishable key allows exactly this origin.
  console.error(err.code === 'EADDRINUSE' ? `port ${config.port} is already in use` : err.message);
  process.exit(1);
});
const close = () => server.close(() => process.exit(0));
process.on('SIGINT', close);
process.on('SIGTERM', close);
