import { describe, expect, test } from 'vitest'
import { err, ok, type Result } from './result'

describe('Result', () => {
  test('narrows on ok to the value or the error', () => {
    const half = (n: number): Result<number, string> => (n % 2 ? err(`${n} is odd`) : ok(n / 2))
    const r = half(3)
    expect(r.ok ? r.value : r.error).toBe('3 is odd')
    expect(half(4)).toEqual({ ok: true, value: 2 })
  })
})
