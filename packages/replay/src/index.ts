export {
  clockAt,
  clockState,
  controlClock,
  createReplayClock,
  type ReplayClock,
  settleClock,
} from './clock/replay-clock'
export { LatestState, type SubjectIndex } from './state/latest-state'
