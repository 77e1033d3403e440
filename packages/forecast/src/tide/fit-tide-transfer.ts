/**
 * How the tide at a river gauge follows the sea: level(t) = gainM × sea(t − lagMin) + offsetM.
 * The lag is the travel time of the tide wave up the river, the gain its amplification or damping,
 * and the offset the shift from the sea model's mean level to the national (Hòn Dấu) datum of the bulletins.
 */
export interface TideTransfer {
  lagMin: number
  gain: number
  offsetM: number
}

export interface LevelReading {
  atMs: number
  levelM: number
}

export interface TransferFit extends TideTransfer {
  /** Root-mean-square residual of the fit, metres. */
  rmsM: number
}

export interface FitOptions {
  /** Largest lag tried, minutes (default 360). */
  maxLagMin?: number
  /** Coarse search step, minutes (default 10); the best coarse lag is refined to whole minutes. */
  coarseStepMin?: number
}

/**
 * Fits lag, gain and offset by grid search over the lag with a closed-form least-squares gain and offset
 * at each lag. Grid search rather than a gradient method: the misfit is not convex in the lag (a wrong lag
 * by half a tidal period fits with a negative gain), and a whole-minute lag is as fine as the readings.
 */
export function fitTideTransfer(
  sea: (atMs: number) => number,
  readings: readonly LevelReading[],
  options: FitOptions = {},
): TransferFit {
  const maxLagMin = options.maxLagMin ?? 360
  const step = options.coarseStepMin ?? 10
  if (readings.length < 3)
    throw new Error(`fitTideTransfer needs at least 3 readings, got ${readings.length}`)
  let best = fitAtLag(sea, readings, 0)
  for (let lag = step; lag <= maxLagMin; lag += step) best = better(best, fitAtLag(sea, readings, lag))
  const coarse = best.lagMin
  for (let lag = Math.max(0, coarse - step + 1); lag <= Math.min(maxLagMin, coarse + step - 1); lag++) {
    best = better(best, fitAtLag(sea, readings, lag))
  }
  return best
}

function better(a: TransferFit, b: TransferFit): TransferFit {
  // Only a negative gain would mean the river rises when the sea falls: not a tide transfer.
  if (b.gain <= 0) return a
  if (a.gain <= 0) return b
  return b.rmsM < a.rmsM ? b : a
}

function fitAtLag(
  sea: (atMs: number) => number,
  readings: readonly LevelReading[],
  lagMin: number,
): TransferFit {
  const n = readings.length
  const xs = readings.map((r) => sea(r.atMs - lagMin * 60_000))
  const meanX = xs.reduce((s, x) => s + x, 0) / n
  const meanY = readings.reduce((s, r) => s + r.levelM, 0) / n
  let sxy = 0
  let sxx = 0
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - meanX
    sxy += dx * ((readings[i] as LevelReading).levelM - meanY)
    sxx += dx * dx
  }
  const gain = sxx === 0 ? 0 : sxy / sxx
  const offsetM = meanY - gain * meanX
  let sse = 0
  for (let i = 0; i < n; i++) {
    const r = (readings[i] as LevelReading).levelM - (gain * (xs[i] as number) + offsetM)
    sse += r * r
  }
  return { lagMin, gain, offsetM, rmsM: Math.sqrt(sse / n) }
}

export function applyTideTransfer(sea: (atMs: number) => number, t: TideTransfer, atMs: number): number {
  return t.gain * sea(atMs - t.lagMin * 60_000) + t.offsetM
}
