export { type CongestionLevelsKph, congestionLevelsKph } from './config/congestion-levels'
export { defaultRulesConfig, loadRulesConfig } from './config/load-rules-config'
export { waterReleaseMarginM } from './config/release-margin'
export * from './config/rules-config'
export * from './engine/engine-state'
export {
  createRulesEngine,
  type RestoreOptions,
  type RulesEngine,
  runRules,
  type StateSubjects,
} from './engine/rules-engine'
export { applyRulesOverride } from './override/apply-rules-override'
export { rulesKey } from './override/rules-key'
