import type { Issue, Network, Result } from '@ioc/domain'
import { loadRulesConfig } from '../config/load-rules-config'
import type { RulesConfig } from '../config/rules-config'
import { isPlainObject } from './plain-object'

/**
 * The rules a what-if replay runs: `base` with `override` (a partial RulesConfig) merged into it,
 * validated against the schema and the network so a typo in a station id is an error, not a no-op.
 * Issues name their field under `rulesOverride.`, the field the analyst sent.
 */
export function applyRulesOverride(
  base: RulesConfig,
  override: Record<string, unknown> | undefined,
  network: Network,
): Result<RulesConfig, Issue[]> {
  if (!override) return { ok: true, value: base }
  const loaded = loadRulesConfig(mergeDeep(base, override), network)
  if (!loaded.ok)
    return { ok: false, error: loaded.error.map((i) => ({ ...i, field: `rulesOverride.${i.field}` })) }
  return loaded
}

/** Objects merge key by key; anything else (numbers, arrays, null) in the override replaces. */
function mergeDeep(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override
  const out: Record<string, unknown> = { ...base }
  for (const [k, v] of Object.entries(override)) out[k] = k in base ? mergeDeep(base[k], v) : v
  return out
}
