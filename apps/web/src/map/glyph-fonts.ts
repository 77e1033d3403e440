/** Font stacks the map style names in `text-font`; also the directory names under public/glyphs. */
export const GLYPH_FONTS = [
  { stack: 'NotoSans-Regular', file: '400Regular/NotoSans_400Regular.ttf' },
  { stack: 'NotoSans-Bold', file: '700Bold/NotoSans_700Bold.ttf' },
] as const

export type GlyphStack = (typeof GLYPH_FONTS)[number]['stack']

/**
 * First code points of the 256-wide ranges maplibre asks for when drawing Vietnamese street, river and
 * district names: Basic Latin + Latin-1 (0), Latin Extended-A/B with đ ơ ư (256, 512), combining marks
 * (768), Latin Extended Additional with ạ ả ấ … ỹ (7680) and punctuation such as "–" (8192).
 */
export const GLYPH_RANGES = [0, 256, 512, 768, 7680, 8192] as const
