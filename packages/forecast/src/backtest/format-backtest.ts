import { formatLocalIso } from '@ioc/domain'
import type { AlertSkill } from './alert-skill'
import type { BacktestReport, LeadRow } from './run-backtest'

/** The backtest as a plain-text table for the console and the closing note. */
export function formatBacktest(r: BacktestReport): string {
  const day = (ms: number) => formatLocalIso(ms).slice(0, 16).replace('T', ' ')
  return [
    `Forecast backtest ${day(r.fromMs)} → ${day(r.toMs)} (UTC+7); ${r.forecasts.water} water and ${r.forecasts.traffic} traffic forecasts`,
    '',
    'Water level at Phú An + Nhà Bè, MAE / bias (m)',
    ...table(r.waterLevel, 3),
    '',
    'Traffic speed, MAE / bias (km/h), all segments',
    ...table(r.traffic, 3),
    '',
    'Traffic speed on segments through a flooded street at the forecast time',
    ...table(r.trafficFlooded, 3),
    '',
    skill('Forecast alerts, báo động crossings', r.alerts.waterLevel),
    skill('Forecast alerts, congestion', r.alerts.congestion),
  ].join('\n')
}

function table(rows: readonly LeadRow[], digits: number): string[] {
  const names = Object.keys(rows[0]?.baselines ?? {})
  const cell = (s: { mae: number; bias: number }) =>
    `${s.mae.toFixed(digits)} / ${s.bias >= 0 ? '+' : ''}${s.bias.toFixed(digits)}`.padEnd(20)
  return [
    `${'lead'.padEnd(8)}${'n'.padEnd(8)}${'forecast'.padEnd(20)}${names.map((n) => n.padEnd(20)).join('')}`,
    ...rows.map(
      (row) =>
        `${row.lead.padEnd(8)}${String(row.forecast.n).padEnd(8)}${cell(row.forecast)}${names
          .map((n) => cell(row.baselines[n] as { mae: number; bias: number }))
          .join('')}`,
    ),
  ]
}

function skill(title: string, s: AlertSkill): string {
  return `${title}: ${s.detected}/${s.events} detected (POD ${s.pod ?? '–'}), ${s.missed}/${s.alerts} false (FAR ${s.far ?? '–'}), median lead ${s.medianLeadMin === null ? '–' : `${Math.round(s.medianLeadMin)} min`}`
}
