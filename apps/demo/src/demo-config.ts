// The demo backend's configuration: from the environment `pnpm demo` sets, or — when the server
// is started on its own — from .tokenframe/dev-keys.json at the workspace root.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export interface DemoConfig {
  port: number;
  /** The page's own origin, e.g. http://localhost:5173 (the publishable key allows it). */
  origin: string;
  /** Origins allowed to call POST /api/pay: this page, and the React demo through its Vite proxy. */
  allowedOrigins: readonly string[];
  vaultUrl: string;
  framesUrl: string;
  publishableKey: string;
  /** Server-side only: never rendered, never sent to a browser. */
  secretKey: string;
  /** The `whsec_…` secret of the demo's webhook endpoint (server-side only); without it POST /webhooks/tokenframe answers 503. */
  webhookSecret?: string | undefined;
}

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export function readDemoConfig(env: NodeJS.ProcessEnv = process.env): DemoConfig {
  const port = Number(env.TF_DEMO_PORT ?? 5173);
  const dataDir = env.TOKENFRAME_DATA_DIR || join(ROOT, '.tokenframe');
  const keysFile = join(dataDir, 'dev-keys.json');
  const saved = existsSync(keysFile) ? (JSON.parse(readFileSync(keysFile, 'utf8')) as Partial<Record<string, string>>) : {};
  const publishableKey = env.TF_PUBLISHABLE_KEY ?? saved.publishableKey;
  const secretKey = env.TF_SECRET_KEY ?? saved.secretKey;
  if (!publishableKey || !secretKey) {
    throw new Error(
      `No demo keys: run \`pnpm demo\` from the workspace root (it creates ${keysFile}), or set TF_PUBLISHABLE_KEY and TF_SECRET_KEY.`,
    );
  }
  const webhookSecret = env.TF_WEBHOOK_SECRET ?? readSaved(join(dataDir, 'demo-webhook.json')).secret;
  const origin = `http://localhost:${port}`;
  return {
    port,
    origin,
    allowedOrigins: [origin, env.TF_REACT_ORIGIN ?? 'http://localhost:5174'],
    vaultUrl: env.TF_VAULT_URL ?? 'http://127.0.0.1:4000',
    framesUrl: env.TF_FRAMES_URL ?? 'http://127.0.0.1:4001',
    publishableKey,
    secretKey,
    webhookSecret,
  };
}

function readSaved(file: string): Partial<Record<string, string>> {
  try {
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<Record<string, string>>) : {};
  } catch {
    return {};
  }
}
