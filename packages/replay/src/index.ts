export {
  clockAt,
  clockState,
  controlClock,
  createReplayClock,
  type ReplayClock,
  settleClock,
} from './clock/replay-clock'
export {
  CHECKPOINT_MS,
  type EngineStart,
  ReplayEngine,
  type ReplayedChange,
  type WarmStart,
  warmStart,
} from './engine/replay-engine'
export { LatestState, newestReadings } from './state/latest-state'
