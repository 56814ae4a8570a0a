// The demo account's test connection to the processor simulator: reused when `connections list`
// already shows one to the same URL, created otherwise (first run, or after the data was wiped).
// Connections to another URL are deleted: without `connection` a charge uses the account's ONLY
// test connection, so a leftover one would make every charge fail with connection_missing.
import { vaultCli } from './vault-cli.mjs';

export const DEMO_ACCOUNT = 'demo';
/** The simulator's defaults (apps/processor-sim README): what a test connection to it uses. */
export const SIM_CREDENTIALS = Object.freeze({ merchid: '800000000001', username: 'testing', password: 'testing123' });

/**
 * @param {{ processorUrl: string, env?: Record<string, string>, log?: (line: string) => void }} opts
 * @returns {{ id: string, url: string, created: boolean }}
 */
export function ensureDemoConnection({ processorUrl, env = {}, log = () => {} }) {
  const url = processorUrl.replace(/\/+$/, '');
  const listed = vaultCli(['connections', 'list', '--account', DEMO_ACCOUNT], { env });
  if (!listed.ok) throw new Error(listed.message);
  const tests = listed.value.filter((c) => c.env === 'test');
  const same = tests.filter((c) => c.url === url && c.merchid === SIM_CREDENTIALS.merchid);
  for (const stale of tests.filter((c) => !same.slice(0, 1).includes(c))) {
    log(`Deleting the demo's test connection ${stale.id} to ${stale.url} (the demo pays through ${url}).`);
    const gone = vaultCli(['connections', 'delete', '--id', stale.id], { env });
    if (!gone.ok) throw new Error(gone.message);
  }
  if (same[0]) return { id: same[0].id, url, created: false };
  const made = vaultCli(
    [
      'connections',
      'create',
      '--account',
      DEMO_ACCOUNT,
      '--env',
      'test',
      '--kind',
      'cardpointe',
      '--url',
      url,
      '--merchid',
      SIM_CREDENTIALS.merchid,
      '--username',
      SIM_CREDENTIALS.username,
      '--password',
      SIM_CREDENTIALS.password,
    ],
    { env },
  );
  if (!made.ok) throw new Error(made.message);
  return { id: made.value.id, url, created: true };
}
