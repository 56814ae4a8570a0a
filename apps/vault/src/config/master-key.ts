import { createHash, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kek } from '@tokenframe/crypto/at-rest';
import type { VaultConfig } from './vault-config';

/**
 * The master key is the root of every key-encryption key. It comes from `TOKENFRAME_MASTER_KEY`
 * (base64, 32 bytes) or the file named by `TOKENFRAME_MASTER_KEY_FILE`. In development, when neither
 * is set, the vault creates `master.key` in the data folder and says so loudly: that file sits next
 * to the database it protects, which is fine for a laptop and wrong for anything else. With
 * `NODE_ENV=production` there is no such fallback: the vault refuses to start.
 */
export interface MasterKeys {
  /** KEK for card fields and vault secrets. */
  data: Kek;
  /** A separate KEK for CVCs (DESIGN.md "Vault": CVC has its own key). */
  cvc: Kek;
  /** Previous master keys (TOKENFRAME_PREVIOUS_MASTER_KEYS), readable during a rewrap. */
  previous: { data: Kek; cvc: Kek }[];
  source: 'env' | 'file' | 'dev-file';
}

export type MasterKeyResult = { ok: true; keys: MasterKeys; warning?: string } | { ok: false; message: string };

function decodeKey(text: string, where: string): Buffer | string {
  const raw = Buffer.from(text.trim(), 'base64');
  if (raw.length !== 32) return `${where} must be 32 bytes encoded as base64 (e.g. \`openssl rand -base64 32\`), got ${raw.length} bytes.`;
  return raw;
}

/** Derives the two KEKs; ids name the key they came from (without revealing it) so envelopes can find it. */
export function deriveKeks(master: Buffer): { data: Kek; cvc: Kek } {
  const derive = (info: string): Buffer => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
  const tag = createHash('sha256')
    .update(master)
    .digest('base64url')
    .slice(0, 10)
    .replace(/[^A-Za-z0-9]/g, 'x');
  return {
    data: { id: `mk_${tag}`, key: derive('tokenframe/kek/data/v1') },
    cvc: { id: `ck_${tag}`, key: derive('tokenframe/kek/cvc/v1') },
  };
}

export function loadMasterKeys(config: VaultConfig['masterKey'], dataDir: string, production: boolean): MasterKeyResult {
  const previous: { data: Kek; cvc: Kek }[] = [];
  for (const [i, text] of config.previous.entries()) {
    const k = decodeKey(text, `TOKENFRAME_PREVIOUS_MASTER_KEYS[${i}]`);
    if (typeof k === 'string') return { ok: false, message: k };
    previous.push(deriveKeks(k));
  }
  const done = (master: Buffer, source: MasterKeys['source'], warning?: string): MasterKeyResult => ({
    ok: true,
    keys: { ...deriveKeks(master), previous, source },
    ...(warning ? { warning } : {}),
  });
  if (config.key) {
    const k = decodeKey(config.key, 'TOKENFRAME_MASTER_KEY');
    return typeof k === 'string' ? { ok: false, message: k } : done(k, 'env');
  }
  if (config.file) {
    let text: string;
    try {
      text = readFileSync(config.file, 'utf8');
    } catch {
      return { ok: false, message: `TOKENFRAME_MASTER_KEY_FILE: cannot read ${config.file}.` };
    }
    const k = decodeKey(text, 'TOKENFRAME_MASTER_KEY_FILE');
    return typeof k === 'string' ? { ok: false, message: k } : done(k, 'file');
  }
  if (production) {
    return {
      ok: false,
      message:
        'NODE_ENV=production and no master key: set TOKENFRAME_MASTER_KEY (base64 of 32 random bytes) or TOKENFRAME_MASTER_KEY_FILE. The vault will not invent one in production.',
    };
  }
  const file = join(dataDir, 'master.key');
  if (!existsSync(file)) writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  const k = decodeKey(readFileSync(file, 'utf8'), file);
  if (typeof k === 'string') return { ok: false, message: k };
  return done(
    k,
    'dev-file',
    `DEVELOPMENT MASTER KEY in use: ${file} sits next to the data it protects. Never use this outside development; set TOKENFRAME_MASTER_KEY or TOKENFRAME_MASTER_KEY_FILE.`,
  );
}
