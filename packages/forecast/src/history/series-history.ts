/** One reading of a subject: epoch ms and the value in the subject's unit (m, cm, km/h). */
export interface TimedValue {
  atMs: number
  value: number
}

/**
 * Read access to past readings. The server backs it with its store, the backtest with memory.
 * `range` returns the subject's readings with fromMs ≤ atMs < toMs, oldest first.
 */
export interface SeriesHistory {
  range(subjectId: string, fromMs: number, toMs: number): readonly TimedValue[]
}

/**
 * The history as it stood at `asOfMs`: readings at or before it, never after. Every forecast wraps its
 * input in this, so a forecast cannot see the future whatever history it is handed.
 */
export function historyAsOf(history: SeriesHistory, asOfMs: number): SeriesHistory {
  return {
    range: (subjectId, fromMs, toMs) => history.range(subjectId, fromMs, Math.min(toMs, asOfMs + 1)),
  }
}

/** The latest reading at or before `atMs` within `maxAgeMs`, or undefined. */
export function latestReading(
  history: SeriesHistory,
  subjectId: string,
  atMs: number,
  maxAgeMs: number,
): TimedValue | undefined {
  return history.range(subjectId, atMs - maxAgeMs, atMs + 1).at(-1)
}

export interface SeriesStore extends SeriesHistory {
  /** Adds a reading; readings of one subject must arrive in time order (a late one is refused). */
  append(subjectId: string, atMs: number, value: number): boolean
  /** Drops readings before `ms`, to bound memory in a long-running process. */
  dropBefore(ms: number): void
}

/** An in-memory history: per subject, parallel time-ordered arrays searched by bisection. */
export function createSeriesStore(): SeriesStore {
  const series = new Map<string, { at: number[]; values: number[] }>()
  return {
    append(subjectId, atMs, value) {
      let s = series.get(subjectId)
      if (!s) {
        s = { at: [], values: [] }
        series.set(subjectId, s)
      }
      const last = s.at.at(-1)
      if (last !== undefined && atMs <= last) return false
      s.at.push(atMs)
      s.values.push(value)
      return true
    },
    range(subjectId, fromMs, toMs) {
      const s = series.get(subjectId)
      if (!s) return []
      const out: TimedValue[] = []
      for (let i = lowerBound(s.at, fromMs); i < s.at.length && (s.at[i] as number) < toMs; i++) {
        out.push({ atMs: s.at[i] as number, value: s.values[i] as number })
      }
      return out
    },
    dropBefore(ms) {
      for (const s of series.values()) {
        const n = lowerBound(s.at, ms)
        s.at.splice(0, n)
        s.values.splice(0, n)
      }
    },
  }
}

function lowerBound(xs: readonly number[], x: number): number {
  let lo = 0
  let hi = xs.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((xs[mid] as number) < x) lo = mid + 1
    else hi = mid
  }
  return lo
}
