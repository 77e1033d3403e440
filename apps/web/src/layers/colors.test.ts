import { describe, expect, test } from 'vitest'
import { NO_DATA, speedRatioColor } from './colors'

const luminance = ([r, g, b]: number[]) => 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0)

describe('speedRatioColor', () => {
  test('a jammed road and a free road differ in lightness, not only in hue', () => {
    expect(luminance(speedRatioColor(1)) - luminance(speedRatioColor(0.1))).toBeGreaterThan(60)
  })

  test('slower is never lighter than the amber band above it', () => {
    const ratios = [0, 0.15, 0.3, 0.45, 0.6, 0.7]
    const l = ratios.map((r) => luminance(speedRatioColor(r)))
    for (let i = 1; i < l.length; i++) expect(l[i]).toBeGreaterThanOrEqual(l[i - 1] as number)
  })

  test('a segment without a report is drawn faint grey', () => {
    expect(speedRatioColor(Number.NaN)).toEqual(NO_DATA)
  })
})
