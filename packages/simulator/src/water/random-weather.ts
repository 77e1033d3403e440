import { localMidnightMs } from '@ioc/domain'
import { mulberry32 } from '../random/mulberry32'

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

/** How a long scenario draws its own surges and storms (see RandomWeather in scenario.ts). */
export interface RandomWeatherSpec {
  surgeSdM: number
  surgeTauH: number
  surgeKnotH: number
  rainPerDay: number
  rainPeakMmPerH: readonly [number, number]
  rainShareOfPoints: number
}

export interface DrawnRain {
  fromMs: number
  toMs: number
  peakMmPerH: number
  floodPointIds: Set<string>
}

/**
 * Weather drawn from the seed, so a month-long scenario has surges and storms nobody wrote down.
 * The surge is an AR(1) process sampled every `surgeKnotH` hours (stationary spread `surgeSdM`,
 * e-folding time `surgeTauH`), linear in between. Storms start in the afternoon or evening
 * (13:00–21:00 local, when HCMC's convective rain falls), last 1–3 h, and hit a random share of points.
 */
export function drawRandomWeather(
  seed: number,
  fromMs: number,
  toMs: number,
  spec: RandomWeatherSpec,
  floodPointIds: readonly string[],
): { surge: { atMs: number; value: number }[]; rain: DrawnRain[] } {
  const random = mulberry32(seed ^ 0x5eed_7e11)
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
  const knotMs = spec.surgeKnotH * HOUR_MS
  const rho = Math.exp(-spec.surgeKnotH / spec.surgeTauH)
  const surge: { atMs: number; value: number }[] = []
  let level = spec.surgeSdM * gaussian()
  for (let t = fromMs; t <= toMs + knotMs; t += knotMs) {
    surge.push({ atMs: t, value: level })
    level = rho * level + spec.surgeSdM * Math.sqrt(1 - rho * rho) * gaussian()
  }
  const rain: DrawnRain[] = []
  for (let day = fromMs; day < toMs; day += DAY_MS) {
    // Poisson-thinned to at most one storm a day: the draw is a Bernoulli with the daily rate.
    if (random() >= spec.rainPerDay) continue
    const localMidnight = localMidnightMs(day)
    const startMs = localMidnight + (13 + 8 * random()) * HOUR_MS
    const [lo, hi] = spec.rainPeakMmPerH
    rain.push({
      fromMs: startMs,
      toMs: startMs + (1 + 2 * random()) * HOUR_MS,
      peakMmPerH: lo + (hi - lo) * random(),
      floodPointIds: new Set(floodPointIds.filter(() => random() < spec.rainShareOfPoints)),
    })
  }
  return { surge, rain }
}
