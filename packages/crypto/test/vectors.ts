import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Outside test vectors (Project Wycheproof), copied into test/vectors/ with their licence and
 * revision (see its README), so a fresh clone tests itself. A missing file fails the run loudly.
 */
const VECTORS_DIR = fileURLToPath(new URL('./vectors/', import.meta.url));

function load<T>(relativePath: string): T {
  const path = `${VECTORS_DIR.replace(/\/$/, '')}/${relativePath}`;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (error) {
    throw new Error(`Test vectors missing at ${path}: they are part of the repository (packages/crypto/test/vectors/README.md).`, {
      cause: error,
    });
  }
}

export interface EcJwk {
  kty: string;
  crv: string;
  x: string;
  y: string;
  d?: string;
}

export interface EcdhCase {
  tcId: number;
  comment: string;
  public: EcJwk;
  private: EcJwk & { d: string };
  shared: string;
  result: 'valid' | 'invalid' | 'acceptable';
}

export interface AeadCase {
  tcId: number;
  comment: string;
  key: string;
  iv: string;
  aad: string;
  msg: string;
  ct: string;
  tag: string;
  result: 'valid' | 'invalid' | 'acceptable';
}

interface Suite<G> {
  testGroups: (G & { tests: unknown[] })[];
}

export const ECDH_FILE = 'ecdh_secp256r1_webcrypto_test.json';
export const AES_GCM_FILE = 'aes_gcm_test.json';

export function ecdhCases(): EcdhCase[] {
  return load<Suite<object>>(`wycheproof/${ECDH_FILE}`).testGroups.flatMap((group) => group.tests as EcdhCase[]);
}

export function aesGcmCases(): (AeadCase & { keySize: number; ivSize: number; tagSize: number })[] {
  const suite = load<Suite<{ keySize: number; ivSize: number; tagSize: number }>>(`wycheproof/${AES_GCM_FILE}`);
  return suite.testGroups.flatMap(({ keySize, ivSize, tagSize, tests }) =>
    (tests as AeadCase[]).map((test) => ({ ...test, keySize, ivSize, tagSize })),
  );
}
