import type { Silence } from '@ioc/domain'

/** A silence only moves from in force to lifted, so of two versions the lifted one is the newer. */
const newer = (a: Silence, b: Silence): Silence => (a.cancelledAt !== null ? a : b)

/**
 * The silences as loaded, with each `silence:changed` heard since applied over them: a change that
 * raced the load is neither lost nor undone by it. Loaded order first, new silences after.
 */
export function mergeSilences(loaded: readonly Silence[], changes: ReadonlyMap<string, Silence>): Silence[] {
  const ids = new Set(loaded.map((s) => s.id))
  const merged = loaded.map((s) => {
    const change = changes.get(s.id)
    return change ? newer(s, change) : s
  })
  for (const change of changes.values()) if (!ids.has(change.id)) merged.push(change)
  return merged
}
