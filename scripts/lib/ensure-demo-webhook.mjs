// The demo account's test-mode webhook endpoint, pointing at the demo backend's
// POST /webhooks/tokenframe: reused while `webhooks list` still shows the endpoint saved in
// <data dir>/demo-webhook.json (with its secret: the vault shows it only once), created otherwise
// (first run, data wiped, secret file lost, endpoint disabled after the demo was down for days).
// Other demo endpoints to the same URL are deleted, so runs do not pile them up; endpoints to other
// URLs (a developer's own) are left alone.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEMO_ACCOUNT } from './ensure-demo-connection.mjs';
import { vaultCli } from './vault-cli.mjs';

/** What the demo page shows: its charge's outcome, and the token it was paid with. */
export const DEMO_WEBHOOK_EVENTS = Object.freeze([
  'token.created',
  'charge.succeeded',
  'charge.declined',
  'charge.captured',
  'charge.voided',
  'charge.refunded',
]);

/**
 * @param {{ demoUrl: string, dataDir: string, env?: Record<string, string>, log?: (line: string) => void }} opts
 * @returns {{ id: string, url: string, secret: string, file: string, created: boolean }}
 */
export function ensureDemoWebhook({ demoUrl, dataDir, env = {}, log = () => {} }) {
  const url = `${demoUrl.replace(/\/+$/, '')}/webhooks/tokenframe`;
  const file = join(dataDir, 'demo-webhook.json');
  const saved = readSaved(file);
  const listed = vaultCli(['webhooks', 'list', '--account', DEMO_ACCOUNT, '--env', 'test'], { env });
  if (!listed.ok) throw new Error(listed.message);
  const ours = listed.value.filter((e) => e.url === url);
  const sameEvents = (e) => e.events.length === DEMO_WEBHOOK_EVENTS.length && DEMO_WEBHOOK_EVENTS.every((t) => e.events.includes(t));
  const keep = ours.find((e) => e.id === saved?.id && e.status === 'enabled' && sameEvents(e));
  for (const stale of ours.filter((e) => e !== keep)) {
    log(
      `Deleting the demo's webhook endpoint ${stale.id} (${stale.status === 'enabled' ? 'its secret is not in ' + file : stale.status}).`,
    );
    const gone = vaultCli(['webhooks', 'delete', '--account', DEMO_ACCOUNT, '--env', 'test', '--id', stale.id], { env });
    if (!gone.ok) throw new Error(gone.message);
  }
  if (keep) return { id: keep.id, url, secret: saved.secret, file, created: false };

  const events = DEMO_WEBHOOK_EVENTS.flatMap((t) => ['--event', t]);
  const made = vaultCli(
    [
      'webhooks',
      'create',
      '--account',
      DEMO_ACCOUNT,
      '--env',
      'test',
      '--url',
      url,
      ...events,
      '--description',
      'pnpm demo: the demo shop',
    ],
    { env },
  );
  if (!made.ok) throw new Error(made.message);
  const { id, secret } = made.value;
  if (typeof id !== 'string' || typeof secret !== 'string' || !secret.startsWith('whsec_')) {
    throw new Error(`The vault CLI returned an unexpected webhook endpoint: ${JSON.stringify({ id, url: made.value.url })}`);
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ id, url, secret }, null, 2)}\n`, { mode: 0o600 }); // holds the signing secret
  return { id, url, secret, file, created: true };
}

function readSaved(file) {
  if (!existsSync(file)) return undefined;
  try {
    const { id, secret } = JSON.parse(readFileSync(file, 'utf8'));
    return typeof id === 'string' && typeof secret === 'string' && secret.startsWith('whsec_') ? { id, secret } : undefined;
  } catch {
    return undefined;
  }
}
