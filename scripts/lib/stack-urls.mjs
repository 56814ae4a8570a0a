// The fixed addresses of the local stack. They are fixed on purpose: the demo's publishable key
// allows exactly the two demo origins, and the frames' CSP names the page origin exactly, so a
// server that silently moved to another port would only produce confusing 403s.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const STACK_URLS = Object.freeze({
  vault: 'http://127.0.0.1:4000',
  frames: 'http://127.0.0.1:4001',
  demo: 'http://localhost:5173',
  demoReact: 'http://localhost:5174',
  processor: 'http://127.0.0.1:4100',
});

/** Where the vault, its CLI and the demo keep their data (DESIGN.md, "The origins"). */
export function dataDirOf(env = process.env) {
  return env.TOKENFRAME_DATA_DIR || join(ROOT, '.tokenframe');
}
