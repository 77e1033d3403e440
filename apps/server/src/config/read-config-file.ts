import { readFileSync } from 'node:fs'
import type { Issue, Result } from '@ioc/domain'
import { ConfigError } from './config'

/**
 * Reads and checks a JSON configuration file at start; a bad file stops the server with the variable,
 * the file and every problem named. `what` names the configuration in the message.
 */
export function readConfigFile<T>(
  variable: string,
  path: string,
  what: string,
  load: (json: unknown) => Result<T, Issue[]>,
): T {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (err) {
    throw new ConfigError(`${variable}=${path}: cannot read the file (${(err as Error).message})`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    throw new ConfigError(`${variable}=${path}: not valid JSON (${(err as Error).message})`)
  }
  const loaded = load(json)
  if (!loaded.ok) {
    const lines = loaded.error.map((i) => `  ${i.field}: ${i.message}`)
    throw new ConfigError(`${variable}=${path}: invalid ${what}:\n${lines.join('\n')}`)
  }
  return loaded.value
}
