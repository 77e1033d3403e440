// Renders SDF glyph ranges for maplibre from the Noto Sans TTFs shipped in @expo-google-fonts/noto-sans,
// so labels need no glyph server. Output: public/glyphs/<fontstack>/<start>-<end>.pbf (git-ignored).
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { GLYPH_FONTS, GLYPH_RANGES } from '../src/map/glyph-fonts'

interface Fontnik {
  range(
    opts: { font: Buffer; start: number; end: number },
    cb: (err: Error | null, pbf: Buffer) => void,
  ): void
}

const require = createRequire(import.meta.url)
const fontnik = require('fontnik') as Fontnik
const renderRange = promisify(fontnik.range.bind(fontnik))
const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'glyphs')

for (const { stack, file } of GLYPH_FONTS) {
  const font = await readFile(require.resolve(`@expo-google-fonts/noto-sans/${file}`))
  await mkdir(join(outDir, stack), { recursive: true })
  await Promise.all(
    GLYPH_RANGES.map(async (start) => {
      const end = start + 255
      await writeFile(join(outDir, stack, `${start}-${end}.pbf`), await renderRange({ font, start, end }))
    }),
  )
}
console.log(`glyphs: ${GLYPH_FONTS.length} fonts × ${GLYPH_RANGES.length} ranges → ${outDir}`)
