import { expect, test } from 'vitest'
import { dueWallMs, retryDelayMs } from './pace'

test('at 60× a 5-minute step of simulated time is due 5 s later', () => {
  expect(dueWallMs(1_000 + 300_000, 1_000, 50_000, 60)).toBe(55_000)
})

test('retries back off and stop growing', () => {
  expect([1, 2, 3].map(retryDelayMs)).toEqual([500, 1000, 2000])
  expect(retryDelayMs(20)).toBe(15_000)
})
