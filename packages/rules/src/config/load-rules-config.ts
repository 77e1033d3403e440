import { type Issue, issuesFromZod, type Network, type Result } from '@ioc/domain'
import defaults from '../../rules.default.json' with { type: 'json' }
import { resolveRules } from './resolve-rules'
import { RulesConfig } from './rules-config'

/**
 * Validates a rules configuration (parsed JSON) against the schema and against the network it will
 * run on, so a typo in an override id is an error rather than a rule that silently never applies.
 */
export function loadRulesConfig(json: unknown, network: Network): Result<RulesConfig, Issue[]> {
  const parsed = RulesConfig.safeParse(json)
  if (!parsed.success) return { ok: false, error: issuesFromZod(parsed.error) }
  const resolved = resolveRules(network, parsed.data)
  return resolved.ok ? { ok: true, value: parsed.data } : resolved
}

/** The defaults shipped in `rules.default.json`; a fresh copy each call. */
export function defaultRulesConfig(): RulesConfig {
  return RulesConfig.parse(defaults)
}
