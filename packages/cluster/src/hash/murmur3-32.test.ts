import { describe, expect, test } from 'vitest'
import { murmur3String } from './murmur3-32'

// Published vectors of the reference MurmurHash3_x86_32 over each string's UTF-8 bytes (SMHasher; the
// table collected at https://stackoverflow.com/q/14747343): if these hold, any conforming implementation
// elsewhere (Lua, PostgreSQL, Go) computes the same partitions.
const STRING_VECTORS: [string, number, number][] = [
  ['', 0, 0],
  ['aaaa', 0x9747b28c, 0x5a97808a],
  ['aaa', 0x9747b28c, 0x283e0130],
  ['aa', 0x9747b28c, 0x5d211726],
  ['a', 0x9747b28c, 0x7fa09ea6],
  ['abcd', 0x9747b28c, 0xf0478627],
  ['abc', 0x9747b28c, 0xc84a62dd],
  ['ab', 0x9747b28c, 0x74875592],
  ['Hello, world!', 0x9747b28c, 0x24884cba],
  ['ππππππππ', 0x9747b28c, 0xd58063c1],
  ['a'.repeat(256), 0x9747b28c, 0x37405bdc],
  ['abc', 0, 0xb3dd93fa],
  ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', 0, 0xee925b90],
  ['The quick brown fox jumps over the lazy dog', 0x9747b28c, 0x2fa826cd],
]

describe('murmur3String', () => {
  test.each(STRING_VECTORS)('%j, seed %i', (str, seed, expected) => {
    expect(murmur3String(str, seed)).toBe(expected)
  })
})
