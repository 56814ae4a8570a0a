import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { deriveKeks, loadMasterKeys as loadFrom } from '../src/config/master-key';
import { loadVaultConfig } from '../src/config/vault-config';

/** Through the config, as the builder does it. */
const loadMasterKeys = (env: Record<string, string>, d: string, production: boolean) =>
  loadFrom(loadVaultConfig(env).masterKey, d, production);

const dir = () => mkdtempSync(join(tmpdir(), 'tf-mk-'));
const key = randomBytes(32).toString('base64');

describe('master key', () => {
  test('from TOKENFRAME_MASTER_KEY', () => {
    const r = loadMasterKeys({ TOKENFRAME_MASTER_KEY: key }, dir(), true);
    expect(r.ok && r.keys.source).toBe('env');
    expect(r.ok && r.keys.data.id).toBe(deriveKeks(Buffer.from(key, 'base64')).data.id);
  });
  test('from TOKENFRAME_MASTER_KEY_FILE', () => {
    const d = dir();
    writeFileSync(join(d, 'k'), `${key}\n`);
    const r = loadMasterKeys({ TOKENFRAME_MASTER_KEY_FILE: join(d, 'k') }, d, true);
    expect(r.ok && r.keys.source).toBe('file');
  });
  test('production without a key refuses to start', () => {
    const d = dir();
    const r = loadMasterKeys({}, d, true);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('TOKENFRAME_MASTER_KEY');
    expect(existsSync(join(d, 'master.key'))).toBe(false);
  });
  test('development creates master.key (0600) with a loud warning, and reuses it', () => {
    const d = dir();
    const a = loadMasterKeys({}, d, false);
    expect(a.ok && a.warning).toContain('DEVELOPMENT MASTER KEY');
    expect(statSync(join(d, 'master.key')).mode & 0o777).toBe(0o600);
    const b = loadMasterKeys({}, d, false);
    expect(a.ok && b.ok && a.keys.data.id === b.keys.data.id).toBe(true);
    expect(Buffer.from(readFileSync(join(d, 'master.key'), 'utf8').trim(), 'base64')).toHaveLength(32);
  });
  test.each(['', 'c2hvcnQ=', randomBytes(31).toString('base64'), randomBytes(33).toString('base64')])(
    'a key of the wrong size is refused (%s)',
    (bad) => {
      expect(loadMasterKeys({ TOKENFRAME_MASTER_KEY: bad || ' ' }, dir(), false).ok).toBe(false);
    },
  );
  test('data and CVC KEKs differ', () => {
    const k = deriveKeks(randomBytes(32));
    expect(k.data.key.equals(k.cvc.key)).toBe(false);
    expect(k.data.id).not.toBe(k.cvc.id);
  });
});
