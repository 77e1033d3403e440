import type { Alert, Observation } from '@ioc/domain'

/** Messages between server instances, carried by the Socket.IO adapter's Redis stream. */
export interface InterServerEvents {
  /** Observations one instance committed, for every other instance's live state. */
  'observations:stored': (observations: readonly Observation[]) => void
  /** An alert one instance changed and pushed, for every other instance's open-alert list. */
  'alert:stored': (alert: Alert) => void
}
