import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { type GenerateOptions, generateObservations } from '../src/generate-observations'
import type { Scenario } from '../src/scenario/scenario'
import type { World } from '../src/world'

const CHUNK_CHARS = 1 << 20

/** Writes the scenario as NDJSON, one observation per line, in ~1 MB writes that respect backpressure. */
export async function writeRecording(
  scenario: Scenario,
  path: string,
  world: World,
  options: GenerateOptions = {},
): Promise<{ lines: number }> {
  const out = createWriteStream(path)
  const closed = once(out, 'close')
  let chunk = ''
  let lines = 0
  try {
    for (const o of generateObservations(scenario, world, options)) {
      chunk += `${JSON.stringify(o)}\n`
      lines++
      if (chunk.length >= CHUNK_CHARS) {
        if (!out.write(chunk)) await once(out, 'drain')
        chunk = ''
      }
    }
    out.end(chunk)
    await closed
  } catch (error) {
    out.destroy()
    throw error
  }
  return { lines }
}
