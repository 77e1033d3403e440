// Prints the gzip size of the JavaScript /wall loads before its first frame (target ≤ 900 KB), from the
// manifest of the last `vite build`: the entry, the wall route chunk, and everything they import statically.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

interface Chunk {
  file: string
  imports?: string[]
  isEntry?: boolean
}

const dist = fileURLToPath(new URL('../dist/', import.meta.url))
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>

function closure(keys: string[], seen = new Set<string>()): Set<string> {
  for (const key of keys) {
    if (seen.has(key)) continue
    seen.add(key)
    closure(manifest[key]?.imports ?? [], seen)
  }
  return seen
}

const entry = Object.keys(manifest).filter((k) => manifest[k]?.isEntry)
const rows = [...closure([...entry, 'src/wall/wall-page.tsx'])].map((key) => {
  const file = (manifest[key] as Chunk).file
  const bytes = readFileSync(join(dist, file))
  return { file, kB: bytes.length / 1000, gzipKB: gzipSync(bytes, { level: 9 }).length / 1000 }
})
console.table(rows.map((r) => ({ file: r.file, kB: r.kB.toFixed(1), 'gzip kB': r.gzipKB.toFixed(1) })))
const total = rows.reduce((s, r) => s + r.gzipKB, 0)
console.log(
  `/wall initial JS: ${total.toFixed(1)} kB gzip (target ≤ 900 kB, ${((total / 900) * 100).toFixed(0)}% of it)`,
)
const results = fileURLToPath(new URL('../../../bench/results/', import.meta.url))
mkdirSync(results, { recursive: true })
writeFileSync(
  join(results, 'web-wall-bundle.json'),
  `${JSON.stringify({ wallInitialJsGzipKB: Number(total.toFixed(1)), targetKB: 900, files: rows }, null, 2)}\n`,
)
