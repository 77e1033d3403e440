import { describe, expect, test } from 'vitest'
import { hashUniform, mulberry32 } from './mulberry32'

describe('mulberry32', () => {
  test('the same seed gives the same sequence, another seed a different one', () => {
    const take = (seed: number) => {
      const r = mulberry32(seed)
      return Array.from({ length: 5 }, () => r())
    }
    expect(take(42)).toEqual(take(42))
    expect(take(42)).not.toEqual(take(43))
  })

  test('draws are uniform in [0, 1): ten bins of 100 000 draws each hold 10 % ± 0.5 %', () => {
    const r = mulberry32(7)
    const bins = new Array<number>(10).fill(0)
    let outside = 0
    for (let i = 0; i < 100_000; i++) {
      const x = r()
      if (x < 0 || x >= 1) outside++
      else bins[Math.floor(x * 10)] = (bins[Math.floor(x * 10)] ?? 0) + 1
    }
    expect(outside).toBe(0)
    for (const n of bins) expect(Math.abs(n / 100_000 - 0.1)).toBeLessThan(0.005)
  })

  test('hashUniform depends on every key and is spread over [0, 1)', () => {
    expect(hashUniform(1, 2, 3)).toBe(hashUniform(1, 2, 3))
    expect(hashUniform(1, 2, 3)).not.toBe(hashUniform(1, 3, 2))
    expect(hashUniform(1, 2, 3)).not.toBe(hashUniform(2, 2, 3))
    let sum = 0
    for (let i = 0; i < 10_000; i++) sum += hashUniform(9, i, i % 288)
    expect(sum / 10_000).toBeCloseTo(0.5, 1)
  })
})
