import { readScenarioFile } from '@ioc/fixtures'
import { Scenario } from './scenario'

/** Reads and validates `fixtures/recordings/<name>.json`; the text too, for hashing a recording of it. */
export function loadScenario(name: string): { scenario: Scenario; text: string } {
  const { file, text } = readScenarioFile(name)
  const parsed = Scenario.safeParse(JSON.parse(text))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(`${file}: ${issue?.path.join('.')}: ${issue?.message}`)
  }
  return { scenario: parsed.data, text }
}
