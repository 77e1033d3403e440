import { readFileSync } from 'node:fs'
import type { Network } from '@ioc/domain'
import { loadRulesConfig, type RulesConfig } from '@ioc/rules'
import { ConfigError } from '../config/config'

/** Reads and checks the rules file at start; a bad file stops the server with every problem named. */
export function readRulesConfigFile(path: string, network: Network): RulesConfig {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (err) {
    throw new ConfigError(`RULES_CONFIG=${path}: cannot read the file (${(err as Error).message})`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    throw new ConfigError(`RULES_CONFIG=${path}: not valid JSON (${(err as Error).message})`)
  }
  const loaded = loadRulesConfig(json, network)
  if (!loaded.ok) {
    const lines = loaded.error.map((i) => `  ${i.field}: ${i.message}`)
    throw new ConfigError(`RULES_CONFIG=${path}: invalid rules configuration:\n${lines.join('\n')}`)
  }
  return loaded.value
}
