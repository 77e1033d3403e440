export { type GenerateOptions, generateObservations } from './generate-observations'
export { loadWorld } from './load-world'
export { loadScenario } from './scenario/load-scenario'
export { RainEvent, RandomWeather, Scenario, type ScenarioInput } from './scenario/scenario'
export { reportedLevels } from './tide/reported-levels'
export {
  type CalibrationErrors,
  crossValidateSpeeds,
  fitPerTimeSpeeds,
  type PathRun,
  type PathSpeedModel,
  type SegmentInfo,
} from './traffic/calibrate-speeds'
export {
  fitSmoothSpeeds,
  type SmoothSpeedModel,
  type SmoothSpeedOptions,
} from './traffic/fit-smooth-speeds'
export { formatMeasuredTraffic } from './traffic/format-measured-traffic'
export { measuredRuns, segmentInfo } from './traffic/measured-runs'
export {
  MEASURED_METHODS,
  type MeasuredMethod,
  type MeasuredTrafficOptions,
  type MeasuredTrafficScore,
  scoreTrafficOnMeasured,
} from './traffic/score-measured-traffic'
export { buildWorld, type World, type WorldInputs } from './world'
