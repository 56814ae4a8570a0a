import { createHash } from 'node:crypto';

/**
 * Concat KDF of NIST SP 800-56A as profiled for ECDH-ES by RFC 7518 §4.6.2:
 *   round_i = SHA-256( u32be(i) || Z || OtherInfo ),
 *   OtherInfo = AlgorithmID || PartyUInfo || PartyVInfo || SuppPubInfo,
 * where the first three are u32be(length) || bytes and SuppPubInfo is u32be(keydatalen in bits).
 * Tokenframe always calls it with AlgorithmID "A256GCM", empty apu/apv and 256 bits (one round);
 * the general form exists so the RFC 7518 Appendix C vector (A128GCM, "Alice", "Bob") can test it.
 */
const EMPTY = new Uint8Array(0);

function lengthPrefixed(bytes: Uint8Array): Buffer {
  const out = Buffer.alloc(4 + bytes.byteLength);
  out.writeUInt32BE(bytes.byteLength, 0);
  out.set(bytes, 4);
  return out;
}

function otherInfo(algorithmId: string, keyBits: number, apu: Uint8Array, apv: Uint8Array): Buffer {
  const suppPubInfo = Buffer.alloc(4);
  suppPubInfo.writeUInt32BE(keyBits, 0);
  return Buffer.concat([lengthPrefixed(Buffer.from(algorithmId, 'ascii')), lengthPrefixed(apu), lengthPrefixed(apv), suppPubInfo]);
}

/** OtherInfo for the only content encryption Tokenframe accepts, computed once. */
const A256GCM_OTHER_INFO = otherInfo('A256GCM', 256, EMPTY, EMPTY);

export function concatKdf(z: Uint8Array, algorithmId: string, keyBits: number, apu = EMPTY, apv = EMPTY): Buffer {
  if (keyBits <= 0 || keyBits % 8 !== 0)
    throw new RangeError(`Concat KDF key length must be a positive multiple of 8 bits, got ${keyBits}.`);
  const info =
    algorithmId === 'A256GCM' && keyBits === 256 && apu.byteLength === 0 && apv.byteLength === 0
      ? A256GCM_OTHER_INFO
      : otherInfo(algorithmId, keyBits, apu, apv);
  const rounds: Buffer[] = [];
  const counter = Buffer.alloc(4);
  for (let i = 1; i <= Math.ceil(keyBits / 256); i++) {
    counter.writeUInt32BE(i, 0);
    rounds.push(createHash('sha256').update(counter).update(z).update(info).digest());
  }
  return Buffer.concat(rounds).subarray(0, keyBits / 8);
}
