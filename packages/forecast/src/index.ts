export {
  applyReading,
  applySpeedForecast,
  applyWaterForecast,
  CONGESTION_TOLERANCE_MS,
  type CongestionAlertOptions,
  type CongestionLine,
  emptyForecastAlertState,
  type ForecastAlertState,
  type OpenForecastAlert,
  type WaterAlertOptions,
} from './alerts/forecast-alerts'
export {
  DEFAULT_TOLERANCE_MS,
  type ForecastClaim,
  judgeReading,
  type Verdict,
  verifyForecastAlert,
} from './alerts/verify-forecast-alert'
export { type AlertSkill, findPassages, type ObservedEvent, scoreAlerts } from './backtest/alert-skill'
export { formatBacktest } from './backtest/format-backtest'
export { formatRealBacktest, formatReconstruction } from './backtest/format-real-backtest'
export { type BacktestOptions, type BacktestReport, type LeadRow, runBacktest } from './backtest/run-backtest'
export {
  REAL_LEADS_H,
  REAL_METHODS,
  type RealBacktestOptions,
  type RealBacktestReport,
  type RealForecast,
  type RealMethod,
  runRealBacktest,
  type SkillCell,
} from './backtest/run-real-backtest'
export { type ReconstructionWindow, scoreReconstruction } from './backtest/score-reconstruction'
export { estimateSurgeKnots } from './estuary/estimate-surge'
export { type EstuaryForm, estuaryFeatures, FEATURE_GROUPS, type FeatureGroup } from './estuary/estuary-form'
export { extremesFromReadings } from './estuary/extremes-from-readings'
export { findExtremeNear } from './estuary/find-extreme'
export {
  type EstuaryTide,
  evaluateEstuaryTide,
  type FitEstuaryOptions,
  fitEstuaryTide,
  highestInWindow,
} from './estuary/fit-estuary-tide'
export type { ReportedLevel } from './estuary/reported-level'
export {
  CANDIDATE_GROUPS,
  CANDIDATE_STRENGTHS,
  type LevelError,
  levelErrors,
  type SelectedTide,
  selectEstuaryTide,
  timedReadings,
} from './estuary/select-estuary-tide'
export { createTideBases, OVERTIDES, type TideBases } from './estuary/tide-bases'
export {
  createSeriesStore,
  historyAsOf,
  latestReading,
  type SeriesHistory,
  type SeriesStore,
  type TimedValue,
} from './history/series-history'
export {
  applyTideTransfer,
  type FitOptions,
  fitTideTransfer,
  type LevelReading,
  type TideTransfer,
  type TransferFit,
} from './tide/fit-tide-transfer'
export { createTideCurve } from './tide/tide-table'
export { createVungTauTide, VUNG_TAU_STATION_ID, vungTauConstituents } from './tide/vung-tau-tide'
export { forecastSegmentSpeed, type SpeedForecast } from './traffic/forecast-traffic'
export {
  floodSpeedShare,
  forecastStreetDepthCm,
  forecastStreetFloodFactors,
  type StreetFloodOptions,
} from './traffic/street-flood-factors'
export {
  currentAnomaly,
  fitTrafficModel,
  profileKph,
  shrinkAnomaly,
  type TrafficModel,
  type TrafficModelOptions,
} from './traffic/traffic-model'
export {
  fitGaugeTransfer,
  type GaugeTransfer,
  type GaugeTransferOptions,
  type TransferError,
} from './water-level/fit-gauge-transfer'
export {
  forecastWaterLevel,
  type WaterForecastError,
  type WaterLevelForecast,
  type WaterLevelForecastOptions,
  type WaterLevelPoint,
} from './water-level/forecast-water-level'
export { type ForecastCrossing, predictCrossings } from './water-level/predict-crossings'
