import { describe, expect, test } from 'vitest'
import { NO_DATA, SEVERITY_COLORS, SEVERITY_INK, severityProperties, speedRatioColor } from './colors'

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

/** WCAG 2 relative luminance and contrast ratio. */
const relative = (c: number[]) =>
  c
    .slice(0, 3)
    .map((v) => (v / 255) ** 2.2)
    .reduce((l, v, i) => l + v * ([0.2126, 0.7152, 0.0722][i] ?? 0), 0)
const contrast = (a: number[], b: number[]) => {
  const [hi, lo] = [relative(a), relative(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

describe('the severity palette', () => {
  test('every stylesheet gets the colours the map draws with, as custom properties', () => {
    expect(severityProperties()).toMatchObject({
      '--severity-critical': 'rgba(190, 20, 140, 1.00)',
      '--severity-critical-ink': 'rgba(255, 255, 255, 1.00)',
      '--severity-warning': 'rgba(250, 200, 70, 1.00)',
    })
    expect(Object.keys(severityProperties())).toHaveLength(8)
  })

  test('a badge is readable: its text on its colour is at least 4.5:1', () => {
    for (const s of ['warning', 'minor', 'major', 'critical'] as const)
      expect(contrast(SEVERITY_COLORS[s], SEVERITY_INK[s])).toBeGreaterThanOrEqual(4.5)
  })
})
