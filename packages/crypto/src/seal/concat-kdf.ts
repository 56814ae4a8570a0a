import { utf8 } from './base64url';

/**
 * RFC 7518 §4.6.2 Concat KDF, one SHA-256 round, so keyBits ≤ 256 (A256GCM needs exactly one):
 *   SHA-256( u32be(1) || Z || u32be(len) AlgorithmID || u32be(len) apu || u32be(len) apv || u32be(keyBits) )
 * apu/apv are parameters only so the RFC 7518 Appendix C vector can test this very function.
 * Every length here (AlgorithmID, apu, apv, keyBits) is far below 2^16, so the top two bytes are 0.
 */
const u32 = (n: number) => [0, 0, n >> 8, n & 255];

export async function concatKdf(
  z: Uint8Array,
  algorithmId: string,
  keyBits: number,
  apu: ArrayLike<number> & Iterable<number> = [],
  apv: ArrayLike<number> & Iterable<number> = [],
): Promise<Uint8Array<ArrayBuffer>> {
  const id = utf8(algorithmId);
  const input = [...u32(1), ...z, ...u32(id.length), ...id, ...u32(apu.length), ...apu, ...u32(apv.length), ...apv, ...u32(keyBits)];
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(input))).slice(0, keyBits / 8);
}
