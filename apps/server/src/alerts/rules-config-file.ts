import type { Network } from '@ioc/domain'
import { loadRulesConfig, type RulesConfig } from '@ioc/rules'
import { readConfigFile } from '../config/read-config-file'

/** Reads and checks the rules file at start; a bad file stops the server with every problem named. */
export function readRulesConfigFile(path: string, network: Network): RulesConfig {
  return readConfigFile('RULES_CONFIG', path, 'rules configuration', (json) => loadRulesConfig(json, network))
}
