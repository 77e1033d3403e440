import { solveChallenge, solvesChallenge } from '@ioc/citizen'
import { expect, test } from 'vitest'
import { createPowChallenges, POW_TTL_MS } from './pow-challenges'

const T = Date.parse('2025-11-06T17:30:00+07:00')

test('a solved challenge is accepted once', async () => {
  const pow = createPowChallenges({ bits: 8 })
  const { challenge, bits } = pow.issue(T)
  const nonce = await solveChallenge(challenge, bits)
  expect(await pow.redeem(challenge, nonce, T + 1000)).toEqual({ ok: true, value: null })
  expect(await pow.redeem(challenge, nonce, T + 2000)).toEqual({
    ok: false,
    error: expect.stringMatching(/already used/),
  })
})

test('a wrong nonce, a late answer, a forged or lowered challenge are refused', async () => {
  const pow = createPowChallenges({ bits: 8 })
  const { challenge } = pow.issue(T)
  let wrong = 0
  while (await solvesChallenge(challenge, wrong, 8)) wrong++
  expect(await pow.redeem(challenge, wrong, T)).toMatchObject({
    ok: false,
    error: expect.stringMatching(/pow_nonce/),
  })
  expect(await pow.redeem(challenge, -1, T)).toMatchObject({
    ok: false,
    error: expect.stringMatching(/pow_nonce/),
  })
  const late = pow.issue(T).challenge
  expect(await pow.redeem(late, await solveChallenge(late, 8), T + POW_TTL_MS + 1)).toMatchObject({
    error: expect.stringMatching(/expired/),
  })
  // Lowering the difficulty in the challenge breaks its signature.
  const [e, r, , mac] = pow.issue(T).challenge.split('.')
  const lowered = `${e}.${r}.0.${mac}`
  expect(await pow.redeem(lowered, 0, T)).toMatchObject({ error: expect.stringMatching(/not a challenge/) })
  // Another server's (another secret's) challenge is not ours.
  const other = createPowChallenges({ bits: 8 }).issue(T).challenge
  expect(await pow.redeem(other, await solveChallenge(other, 8), T)).toMatchObject({
    error: expect.stringMatching(/not a challenge/),
  })
})
