import type { Alert, AlertSubject, Silence } from '@ioc/domain'

/** An alert the lifecycle may still change, and since when (server clock) it has been critical. */
export interface BookEntry {
  alert: Alert
  /** Epoch ms since which the alert has been critical, by the server clock; null while it is not. */
  criticalSince: number | null
}

/** What a book is loaded from: the stored alerts the lifecycle may still change, and live silences. */
export interface BookContents {
  entries: readonly BookEntry[]
  silences: readonly Silence[]
}

/**
 * The alerts and silences the lifecycle step reads, held in memory so that the step runs before the
 * store is touched: the store persists what the step returns and reads nothing for it. It holds every
 * alert the lifecycle may still change, unresolved or still active (force-resolved while active); a
 * resolved alert the engine has cleared is history and leaves it. It is loaded from the store at start
 * and takes in each committed change (`apply`), so it is what the store holds.
 */
export interface AlertBook {
  /** The alert of that id while the lifecycle may still change it. */
  get(id: string): BookEntry | undefined
  /** The alerts of a key the engine holds open (active), resolved or not: what its next event acts on. */
  activeOf(key: string): Alert[]
  /** Whether a silence covers the subject at `nowMs`. */
  isSilenced(subject: AlertSubject, nowMs: number): boolean
  /** Unresolved alerts, in no particular order. */
  open(): Alert[]
  /** Unresolved, unacknowledged, unsilenced alerts critical since `beforeMs` or earlier, not escalated yet. */
  dueForEscalation(beforeMs: number): BookEntry[]
  /** Takes in alerts as a commit stored them, in commit order. */
  apply(entries: readonly BookEntry[]): void
  /** Takes in a silence as created or lifted. */
  applySilence(silence: Silence): void
  /**
   * An alert another server instance stored: held as the newest version seen (an older one is ignored),
   * until the next reload from the store brings its exact critical time.
   */
  adopt(alert: Alert): void
}

/** Whether the lifecycle may still change an alert: unresolved, or still held active by the engine. */
export const mayChange = (a: Alert) => a.resolution === null || a.active

export function createAlertBook(contents: BookContents): AlertBook {
  const byId = new Map<string, BookEntry>()
  /** Ids of the active alerts of each key: one unresolved at most, plus one force-resolved. */
  const activeByKey = new Map<string, string[]>()
  const silences = new Map<string, Silence>()

  function put(entry: BookEntry): void {
    const { alert } = entry
    const held = byId.get(alert.id)
    if (held?.alert.active) {
      const ids = (activeByKey.get(held.alert.key) ?? []).filter((id) => id !== alert.id)
      if (ids.length) activeByKey.set(held.alert.key, ids)
      else activeByKey.delete(held.alert.key)
    }
    if (!mayChange(alert)) {
      byId.delete(alert.id)
      return
    }
    byId.set(alert.id, entry)
    if (alert.active) activeByKey.set(alert.key, [...(activeByKey.get(alert.key) ?? []), alert.id])
  }

  function applySilence(s: Silence): void {
    // Silences end by themselves; the ones over by this one's time go, so the book stays small.
    const now = s.cancelledAt ?? s.createdAt
    for (const [id, held] of silences) if (held.until <= now) silences.delete(id)
    if (s.cancelledAt === null && s.until > now) silences.set(s.id, s)
    else silences.delete(s.id)
  }

  for (const e of contents.entries) put(e)
  for (const s of contents.silences) applySilence(s)

  return {
    get: (id) => byId.get(id),

    activeOf(key) {
      const out: Alert[] = []
      for (const id of activeByKey.get(key) ?? []) {
        const e = byId.get(id)
        if (e) out.push(e.alert)
      }
      return out
    },

    isSilenced(subject, nowMs) {
      for (const s of silences.values()) {
        if (s.subject.type !== subject.type || s.subject.id !== subject.id) continue
        if (s.cancelledAt === null && s.createdAt <= nowMs && s.until > nowMs) return true
      }
      return false
    },

    open() {
      const out: Alert[] = []
      for (const { alert } of byId.values()) if (alert.resolution === null) out.push(alert)
      return out
    },

    dueForEscalation(beforeMs) {
      const out: BookEntry[] = []
      for (const e of byId.values()) {
        const a = e.alert
        if (a.resolution || a.ack || a.silenced || a.escalatedAt !== null) continue
        if (e.criticalSince !== null && e.criticalSince <= beforeMs) out.push(e)
      }
      return out
    },

    apply(entries) {
      for (const e of entries) put(e)
    },

    applySilence,

    adopt(alert) {
      const held = byId.get(alert.id)
      if (held && held.alert.updatedAt > alert.updatedAt) return
      // The exact time it became critical is the storing instance's; its update time is the nearest known.
      const criticalSince = alert.severity !== 'critical' ? null : (held?.criticalSince ?? alert.updatedAt)
      put({ alert, criticalSince })
    },
  }
}
