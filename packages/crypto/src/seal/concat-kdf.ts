/**
 * RFC 7518 §4.6.2 Concat KDF, one SHA-256 round, so keyBits ≤ 256 (A256GCM needs exactly one):
 *   SHA-256( u32be(1) || Z || u32be(len) AlgorithmID || u32be(len) apu || u32be(len) apv || u32be(keyBits) )
 * apu/apv are parameters only so the RFC 7518 Appendix C vector can test this very function.
 */
const u32 = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];

export async function concatKdf(
  z: Uint8Array,
  algorithmId: string,
  keyBits: number,
  apu = new Uint8Array(),
  apv = new Uint8Array(),
): Promise<Uint8Array<ArrayBuffer>> {
  const id = new TextEncoder().encode(algorithmId);
  const otherInfo = [...u32(id.length), ...id, ...u32(apu.length), ...apu, ...u32(apv.length), ...apv, ...u32(keyBits)];
  const digest = await crypto.subtle.digest('SHA-256', new Uint8Array([...u32(1), ...z, ...otherInfo]));
  return new Uint8Array(digest).slice(0, keyBits / 8);
}
