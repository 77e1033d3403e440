import { expect, test } from 'vitest'
import { leadingZeroBits, solveChallenge, solvesChallenge } from './proof-of-work'

test('leading zero bits count whole zero bytes and the zeros of the first other byte', () => {
  expect(leadingZeroBits(new Uint8Array([0xff]))).toBe(0)
  expect(leadingZeroBits(new Uint8Array([0x01, 0xff]))).toBe(7)
  expect(leadingZeroBits(new Uint8Array([0x00, 0x00, 0x10]))).toBe(19)
  expect(leadingZeroBits(new Uint8Array([0, 0]))).toBe(16)
})

test('a solved challenge verifies, and the same nonce fails another challenge or more bits', async () => {
  const nonce = await solveChallenge('1764745200000.abcdef.12.sig', 12)
  expect(await solvesChallenge('1764745200000.abcdef.12.sig', nonce, 12)).toBe(true)
  // The first solution is the smallest: every smaller nonce fails.
  for (let n = 0; n < nonce; n++)
    expect(await solvesChallenge('1764745200000.abcdef.12.sig', n, 12)).toBe(false)
  expect(await solvesChallenge('1764745200000.abcdef.12.sih', nonce, 12)).toBe(false)
}, 30_000)

test('nonces that are not whole non-negative numbers never verify', async () => {
  expect(await solvesChallenge('c', -1, 0)).toBe(false)
  expect(await solvesChallenge('c', 1.5, 0)).toBe(false)
  expect(await solvesChallenge('c', Number.NaN, 0)).toBe(false)
  expect(await solvesChallenge('c', 3, 0)).toBe(true)
})
