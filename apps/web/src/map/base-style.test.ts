import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec'
import { describe, expect, test } from 'vitest'
import { buildBaseStyle } from './base-style'
import { GLYPH_FONTS } from './glyph-fonts'

describe('buildBaseStyle', () => {
  test.each(['dark', 'light'] as const)('the %s style is a valid maplibre style', (theme) => {
    expect(validateStyleMin(buildBaseStyle({ theme, origin: 'http://wall.local:8080' }))).toEqual([])
  })

  test('glyphs and data load from the page origin, never from the internet', () => {
    const style = buildBaseStyle({ theme: 'dark', origin: 'http://wall.local:8080' })
    const urls = [style.glyphs, ...Object.values(style.sources).map((s) => ('data' in s ? s.data : ''))]
    for (const url of urls.filter((u) => typeof u === 'string')) {
      expect(url).toMatch(/^http:\/\/wall\.local:8080\//)
    }
  })

  test('every label uses a font stack that the glyph build generates', () => {
    const stacks = new Set<string>(GLYPH_FONTS.map((f) => f.stack))
    const fonts = buildBaseStyle({ theme: 'light', origin: 'http://x' }).layers.flatMap((l) =>
      l.type === 'symbol' ? ((l.layout?.['text-font'] as string[] | undefined) ?? []) : [],
    )
    expect(fonts.length).toBeGreaterThan(0)
    for (const f of fonts) expect(stacks).toContain(f)
  })

  test('the wall and desk themes look different', () => {
    const bg = (theme: 'dark' | 'light') =>
      buildBaseStyle({ theme, origin: 'http://x' }).layers.find((l) => l.id === 'background')
    expect(bg('dark')).not.toEqual(bg('light'))
  })
})
