import { MEASURED_METHODS, type MeasuredTrafficScore } from './score-measured-traffic'

/**
 * The traffic forecast on the measured runs as a plain-text table: MAE (km/h) and median relative error
 * per lead and method. Its title says what is measured and what is simulated, so that it is never read
 * as the simulated backtest's.
 */
export function formatMeasuredTraffic(score: MeasuredTrafficScore): string {
  const cell = (kph: number, relative: number) =>
    `${kph.toFixed(2)} (${(relative * 100).toFixed(1)} %)`.padEnd(18)
  return [
    'Traffic forecast on MEASURED truth: the 2025-10-30 runs (fixtures/hcmc/measured-speeds.json)',
    `Measured times scored, each left out of the calibration in turn: ${score.minutes.map(hhmm).join(', ')}`,
    'The history the forecaster learns from is SIMULATED on that calibration; `ioc backtest --from --to`',
    'scores against simulated truth. MAE km/h (median relative error), n runs per lead',
    `${'lead'.padEnd(8)}${MEASURED_METHODS.map((m) => m.padEnd(18)).join('')}n`,
    ...score.leads.map(
      (l) =>
        `${`${l.leadMin} min`.padEnd(8)}${MEASURED_METHODS.map((m) => cell(l.maeKph[m], l.medianRelative[m])).join('')}${l.n}`,
    ),
  ].join('\n')
}

/** "07:30" for a minute of the day. */
function hhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`
}
