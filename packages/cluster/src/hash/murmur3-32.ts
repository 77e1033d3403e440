import murmurhash from 'murmurhash'

/**
 * MurmurHash3 x86_32 (the `murmurhash` package: Gary Court's implementation of Austin Appleby's
 * reference) of the UTF-8 bytes of `s`, an unsigned 32-bit integer. Chosen because it is specified byte
 * for byte, has published test vectors, exists in every language (Lua, PostgreSQL, Go compute the same
 * partitions), and its final mix spreads every input bit over the low bits a partition number is taken
 * from (FNV-1a's low bits see only the inputs' low bits).
 */
export function murmur3String(s: string, seed = 0): number {
  return murmurhash.v3(s, seed)
}
