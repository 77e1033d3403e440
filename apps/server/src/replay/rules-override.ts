import { createHash } from 'node:crypto'
import type { Issue, Network, Result } from '@ioc/domain'
import { loadRulesConfig, type RulesConfig } from '@ioc/rules'

/**
 * The rules a replay runs: `base` with a what-if `override` (a partial RulesConfig) merged into it,
 * validated against the schema and the network so a typo in a station id is an error, not a no-op.
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

/** A short stable name of a configuration, to key engine checkpoints by the rules that made them. */
export function rulesKey(config: RulesConfig): string {
  return createHash('sha256').update(stableJson(config)).digest('hex').slice(0, 16)
}

/** Objects merge key by key; anything else (numbers, arrays, null) in the override replaces. */
function mergeDeep(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override
  const out: Record<string, unknown> = { ...base }
  for (const [k, v] of Object.entries(override)) out[k] = k in base ? mergeDeep(base[k], v) : v
  return out
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function stableJson(v: unknown): string {
  if (!isPlainObject(v)) return JSON.stringify(v)
  const keys = Object.keys(v).sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(v[k])}`).join(',')}}`
}
