import { expect, test } from 'vitest'
import { createSeriesStore } from '../history/series-history'
import { applyTideTransfer } from '../tide/fit-tide-transfer'
import { forecastWaterLevel } from './forecast-water-level'

const HOUR_MS = 3_600_000
const T0 = Date.parse('2025-11-10T12:00:00+07:00')
// A synthetic sea (M2 + K1) keeps the test fast and the truth known.
const sea = (atMs: number) =>
  0.8 * Math.cos((2 * Math.PI * atMs) / (12.42 * HOUR_MS)) +
  0.5 * Math.cos((2 * Math.PI * atMs) / (23.93 * HOUR_MS))
const truth = { lagMin: 180, gain: 1.1, offsetM: 0.2 }
/** A gauge that follows the transfer plus a 15 cm surge from 9:00 on the forecast day. */
const level = (atMs: number) => applyTideTransfer(sea, truth, atMs) + (atMs >= T0 - 3 * HOUR_MS ? 0.15 : 0)

function gaugeHistory(fromMs: number, toMs: number) {
  const store = createSeriesStore()
  for (let t = fromMs; t < toMs; t += 300_000) store.append('phu-an', t, level(t))
  return store
}

test('the forecast carries the tide by the fitted transfer and the surge seen now', () => {
  const r = forecastWaterLevel(gaugeHistory(T0 - 7 * 24 * HOUR_MS, T0 + 1), 'phu-an', T0, sea)
  if (!r.ok) throw new Error(r.error.code)
  const f = r.value
  expect(f.transfer.source).toBe('fitted')
  expect(f.transfer.lagMin).toBe(180)
  expect(f.points).toHaveLength(145)
  expect(f.points[6]?.atMs).toBe(T0 + HOUR_MS)
  // One hour ahead almost all of the surge is still there; the band holds the truth and widens.
  const at1h = f.points[6] as { atMs: number; levelM: number; lowerM: number; upperM: number }
  expect(Math.abs(at1h.levelM - level(at1h.atMs))).toBeLessThan(0.02)
  const last = f.points[144] as { lowerM: number; upperM: number }
  expect(last.upperM - last.lowerM).toBeGreaterThan(at1h.upperM - at1h.lowerM)
})

test('appending readings after the forecast time does not change the forecast', () => {
  const before = gaugeHistory(T0 - 7 * 24 * HOUR_MS, T0 + 1)
  const withFuture = gaugeHistory(T0 - 7 * 24 * HOUR_MS, T0 + 1)
  for (let t = T0 + 300_000; t < T0 + 12 * HOUR_MS; t += 300_000) withFuture.append('phu-an', t, level(t) + 1)
  expect(forecastWaterLevel(withFuture, 'phu-an', T0, sea)).toEqual(
    forecastWaterLevel(before, 'phu-an', T0, sea),
  )
})

test('a gauge with a day of history uses the prior transfer, and says so; with none it is an error', () => {
  const short = gaugeHistory(T0 - 24 * HOUR_MS, T0 + 1)
  const r = forecastWaterLevel(short, 'phu-an', T0, sea, { priorTransfer: truth })
  expect(r.ok && r.value.transfer.source).toBe('prior')
  expect(forecastWaterLevel(short, 'phu-an', T0, sea)).toEqual({
    ok: false,
    error: { code: 'insufficient_history', stationId: 'phu-an', hours: 24 },
  })
})
