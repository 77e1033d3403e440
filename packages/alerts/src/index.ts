export { applyEngineEvent, type EngineChange, peakOf } from './engine-event/apply-engine-event'
export {
  type AlertWrite,
  engineOutputReads,
  engineTransition,
  planEngineOutput,
  splitSubjectKey,
  subjectKey,
} from './engine-event/plan-engine-output'
export {
  type EngineOutput,
  outsideEngine,
  type RulesStatePatch,
  runEngine,
  tickEngine,
} from './engine-run/run-engine'
export {
  type AlertActionError,
  actionTransition,
  applyOfficerAction,
} from './officer-action/apply-officer-action'
export { escalateAlert, nextCriticalSince } from './officer-action/escalate-alert'
export { type AlertHistory, RECORDED_LOOKBACK_MS, RecordedAlerts } from './recorded/recorded-alerts'
export { ReplayedAlerts } from './replayed/replayed-alerts'
