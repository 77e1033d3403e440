import { describe, expect, test } from 'vitest'
import { murmur3String, murmur3x86_32 } from './murmur3-32'
import { utf8Bytes } from './utf8-bytes'

// Published vectors of the reference MurmurHash3_x86_32 (SMHasher; the table collected at
// https://stackoverflow.com/q/14747343): if these hold, any conforming implementation elsewhere
// (Lua, PostgreSQL, Go) computes the same partitions.
const BYTE_VECTORS: [number[], number, number][] = [
  [[], 0, 0x00000000],
  [[], 1, 0x514e28b7],
  [[], 0xffffffff, 0x81f16f39],
  [[0xff, 0xff, 0xff, 0xff], 0, 0x76293b50],
  [[0x21, 0x43, 0x65, 0x87], 0, 0xf55b516b],
  [[0x21, 0x43, 0x65, 0x87], 0x5082edee, 0x2362f9de],
  [[0x21, 0x43, 0x65], 0, 0x7e4a8634],
  [[0x21, 0x43], 0, 0xa0f7b07a],
  [[0x21], 0, 0x72661cf4],
  [[0, 0, 0, 0], 0, 0x2362f9de],
  [[0, 0, 0], 0, 0x85f0b427],
  [[0, 0], 0, 0x30f4c306],
  [[0], 0, 0x514e28b7],
]

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

describe('murmur3x86_32', () => {
  test.each(BYTE_VECTORS)('bytes %j, seed %i', (bytes, seed, expected) => {
    expect(murmur3x86_32(Uint8Array.from(bytes), seed)).toBe(expected)
  })
  test.each(STRING_VECTORS)('%j, seed %i', (s, seed, expected) => {
    expect(murmur3String(s, seed)).toBe(expected)
  })
})

describe('utf8Bytes', () => {
  test.each([
    '',
    'phu-an',
    'Phú An',
    'Thành phố Thủ Đức',
    'Nguyễn Hữu Cảnh',
    '🌊 triều cường',
    'lone \ud800 half',
  ])('%j encodes as TextEncoder does', (s) => {
    expect([...utf8Bytes(s)]).toEqual([...new TextEncoder().encode(s)])
  })
})
