import { expect, test } from 'vitest'
import { presetRange } from './range-presets'

const now = Date.parse('2025-11-06T17:42:31+07:00')
const hcmc = (s: string) => Date.parse(`${s}+07:00`)

test('presets end at the current minute and days are HCMC days', () => {
  expect(presetRange('last6h', now)).toEqual({
    from: hcmc('2025-11-06T11:42:00'),
    to: hcmc('2025-11-06T17:42:00'),
  })
  expect(presetRange('today', now)).toEqual({
    from: hcmc('2025-11-06T00:00:00'),
    to: hcmc('2025-11-06T17:42:00'),
  })
  expect(presetRange('yesterday', now)).toEqual({
    from: hcmc('2025-11-05T00:00:00'),
    to: hcmc('2025-11-06T00:00:00'),
  })
})
