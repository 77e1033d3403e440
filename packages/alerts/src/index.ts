export {
  type AlertBook,
  type BookContents,
  type BookEntry,
  createAlertBook,
  mayChange,
} from './alert-book/alert-book'
export { applyEngineEvent, type EngineChange, peakOf } from './engine-event/apply-engine-event'
export { planEngineOutput } from './engine-event/plan-engine-output'
export { type EngineOutput, type RulesStatePatch, runEngine, tickEngine } from './engine-run/run-engine'
export {
  type AlertActionError,
  actionTransition,
  applyOfficerAction,
} from './officer-action/apply-officer-action'
export { escalateAlert, nextCriticalSince } from './officer-action/escalate-alert'
export { type AlertHistory, RECORDED_LOOKBACK_MS, RecordedAlerts } from './recorded/recorded-alerts'
export { ReplayedAlerts } from './replayed/replayed-alerts'
export {
  type StepClock,
  stepEscalation,
  stepEvents,
  stepObservations,
  stepOfficerAction,
  stepTick,
} from './turn/lifecycle-step'
export type { AlertWrite, Turn } from './turn/turn'
