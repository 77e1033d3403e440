import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Scenario } from '../scenario/scenario'

/** `fixtures/recordings/`: committed scenario metadata; generated NDJSON goes to its `generated/`. */
export const RECORDINGS_DIR = fileURLToPath(new URL('../../../../fixtures/recordings/', import.meta.url))
export const GENERATED_DIR = `${RECORDINGS_DIR}generated/`

/** Reads and validates `fixtures/recordings/<name>.json`. */
export function loadScenario(name: string): { scenario: Scenario; text: string } {
  const file = `${RECORDINGS_DIR}${name}.json`
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    throw new Error(`no scenario "${name}": expected ${file}`)
  }
  const parsed = Scenario.safeParse(JSON.parse(text))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(`${file}: ${issue?.path.join('.')}: ${issue?.message}`)
  }
  return { scenario: parsed.data, text }
}
