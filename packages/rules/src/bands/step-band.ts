/**
 * Timers of one alert with ordered levels (1 = least severe). A timer holds the epoch ms since which
 * a condition has held on every reading, or NaN when the last reading broke it: `at - NaN >= x` is
 * false, so an idle timer never fires without a branch.
 */
export interface BandTimers {
  /** 0 = no alert, k = level k is open. */
  level: number
  /** Index k-1: since when every reading met level k's raise condition. */
  enterSinceMs: Float64Array
  /** Index k-1: since when every reading met level k's release condition. */
  leaveSinceMs: Float64Array
}

export function createBandTimers(levels: number): BandTimers {
  return {
    level: 0,
    enterSinceMs: new Float64Array(levels).fill(Number.NaN),
    leaveSinceMs: new Float64Array(levels).fill(Number.NaN),
  }
}

/**
 * Feeds one reading into the timers and returns the level it leads to (the caller stores it in
 * `t.level` once it has reported the change).
 *
 * - Up: the highest level above the current one whose raise condition has held for `pendingMs`
 *   (0 = at once); escalation skips levels in one step.
 * - Down: the current level is released once its release condition has held for `holdMs`, then the
 *   next one down, and so on; only levels whose own release condition held that long are dropped.
 *
 * Bit k-1 of `enterMask` / `leaveMask` says whether this reading meets level k's raise / release
 * condition; the rule decides what those are (above a threshold for water, below one for speed).
 */
export function stepBand(
  t: BandTimers,
  enterMask: number,
  leaveMask: number,
  atMs: number,
  pendingMs: number,
  holdMs: number,
): number {
  const enter = t.enterSinceMs
  const leave = t.leaveSinceMs
  const n = enter.length
  for (let i = 0; i < n; i++) {
    const bit = 1 << i
    if ((enterMask & bit) === 0) enter[i] = Number.NaN
    else if (Number.isNaN(enter[i] as number)) enter[i] = atMs
    if ((leaveMask & bit) === 0) leave[i] = Number.NaN
    else if (Number.isNaN(leave[i] as number)) leave[i] = atMs
  }
  for (let k = n; k > t.level; k--) {
    if (atMs - (enter[k - 1] as number) >= pendingMs) return k
  }
  let level = t.level
  while (level > 0 && atMs - (leave[level - 1] as number) >= holdMs) level--
  return level
}
