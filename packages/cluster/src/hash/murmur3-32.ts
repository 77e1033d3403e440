import { utf8Bytes } from './utf8-bytes'

const C1 = 0xcc9e2d51
const C2 = 0x1b873593

const rotl = (x: number, r: number) => (x << r) | (x >>> (32 - r))

function mixK(k: number): number {
  return Math.imul(rotl(Math.imul(k, C1), 15), C2)
}

/**
 * MurmurHash3 x86_32 (Austin Appleby's reference `MurmurHash3_x86_32` in SMHasher, public domain) of
 * `bytes`, as an unsigned 32-bit integer. Chosen because it is specified byte for byte, has published
 * test vectors, exists in every language, and its final mix spreads every input bit over the low bits
 * a partition number is taken from (FNV-1a's low bits see only the inputs' low bits).
 */
export function murmur3x86_32(bytes: Uint8Array, seed = 0): number {
  let h = seed | 0
  const n = bytes.length
  const tail = n - (n & 3)
  for (let i = 0; i < tail; i += 4) {
    const k =
      (bytes[i] ?? 0) | ((bytes[i + 1] ?? 0) << 8) | ((bytes[i + 2] ?? 0) << 16) | ((bytes[i + 3] ?? 0) << 24)
    h = Math.imul(rotl(h ^ mixK(k), 13), 5) + 0xe6546b64
  }
  let k = 0
  if ((n & 3) >= 3) k ^= (bytes[tail + 2] ?? 0) << 16
  if ((n & 3) >= 2) k ^= (bytes[tail + 1] ?? 0) << 8
  if ((n & 3) >= 1) h ^= mixK(k ^ (bytes[tail] ?? 0))
  h ^= n
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** `murmur3x86_32` of the UTF-8 bytes of `s`. */
export function murmur3String(s: string, seed = 0): number {
  return murmur3x86_32(utf8Bytes(s), seed)
}
