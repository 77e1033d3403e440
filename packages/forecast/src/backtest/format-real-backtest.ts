import { formatLocalHhMm } from '@ioc/domain'
import { REAL_METHODS, type RealBacktestReport, type SkillCell } from './run-real-backtest'
import type { ReconstructionWindow } from './score-reconstruction'

const NAMES: Record<string, string> = {
  'phu-an': 'Phú An',
  'nha-be': 'Nhà Bè',
}

/** The real-data backtest as plain-text tables: median |Δt| (min) / median |Δh| (cm), n. */
export function formatRealBacktest(r: RealBacktestReport): string {
  const cellText = (c: SkillCell) =>
    `${c.medianAbsDtMin === null ? '–' : `${c.medianAbsDtMin}′`} / ${c.medianAbsDhCm === null ? '–' : `${c.medianAbsDhCm} cm`} (${c.n})`.padEnd(
      22,
    )
  const name = (id: string) => NAMES[id] ?? id
  const lines = [
    `Tide forecast on reported levels (${r.days} gauge-days, each left out in turn); median |Δt| / median |Δh| (n)`,
    '',
    'Leave one reported day out, the curve alone',
    `${'gauge'.padEnd(10)}${'kind'.padEnd(7)}${'estuary model'.padEnd(22)}${'single lag (today)'.padEnd(22)}`,
    ...r.leaveOneDayOut.map(
      (row) =>
        `${name(row.stationId).padEnd(10)}${row.kind.padEnd(7)}${cellText(row.estuary)}${cellText(row.singleLag)}`,
    ),
    '',
    'Issued before each reported level, from the reports before the issue time only',
    `${'gauge'.padEnd(10)}${'kind'.padEnd(7)}${'lead'.padEnd(6)}${REAL_METHODS.map((m) => m.padEnd(22)).join('')}`,
    ...r.leads.map(
      (row) =>
        `${name(row.stationId).padEnd(10)}${row.kind.padEnd(7)}${`${row.leadH} h`.padEnd(6)}${REAL_METHODS.map((m) => cellText(row.cells[m])).join('')}`,
    ),
    '',
    '90 % band: share of reported levels inside it (n), median half-width',
    ...r.band.calibrated.map((c, k) => {
      const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)} %`)
      const f = r.band.fixed[k]
      const byGauge = r.band.calibratedByGauge
        .filter((g) => g.leadH === c.leadH)
        .map((g) => `${name(g.stationId)} ${pct(g.coverage)} (${g.n})`)
        .join(', ')
      return `${`${c.leadH} h`.padEnd(6)}calibrated ${pct(c.coverage)} (${c.n}), ±${c.medianHalfWidthCm ?? '–'} cm [${byGauge}]   fixed ${pct(f?.coverage ?? null)} (${f?.n ?? 0}), ±${f?.medianHalfWidthCm ?? '–'} cm`
    }),
  ]
  return lines.join('\n')
}

/** The reconstruction of a reported day against its reported peak windows. */
export function formatReconstruction(day: string, windows: readonly ReconstructionWindow[]): string {
  const hhmm = formatLocalHhMm
  const top = (t: { atMs: number; levelM: number; errorCm: number }) =>
    `${t.levelM.toFixed(2)} m at ${hhmm(t.atMs)} (${t.errorCm >= 0 ? '+' : ''}${t.errorCm} cm)`.padEnd(28)
  return [
    `Reconstruction of ${day}: highest level in each reported window; cm outside the reported range`,
    `${'gauge'.padEnd(10)}${'window'.padEnd(14)}${'reported'.padEnd(14)}${'tide model, day left out'.padEnd(28)}${'tide model, all days'.padEnd(28)}surge estimated`,
    ...windows.map(
      (w) =>
        `${(NAMES[w.stationId] ?? w.stationId).padEnd(10)}${`${hhmm(w.fromMs)}–${hhmm(w.toMs)}`.padEnd(14)}${`${w.reportedMinM.toFixed(2)}–${w.reportedMaxM.toFixed(2)} m`.padEnd(14)}${top(w.heldOut)}${top(w.tideInFit)}${w.surgeM >= 0 ? '+' : ''}${w.surgeM.toFixed(2)} m`,
    ),
  ].join('\n')
}
