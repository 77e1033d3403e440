export {
  clockAt,
  clockState,
  controlClock,
  createReplayClock,
  type ReplayClock,
  settleClock,
} from './clock/replay-clock'
export { LatestState } from './state/latest-state'
