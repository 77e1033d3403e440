import type { Alert, NewestReadings } from '@ioc/domain'

/** Messages between server instances, carried by the Socket.IO adapter's Redis stream. */
export interface InterServerEvents {
  /**
   * The newest readings of a batch one instance committed, for every other instance's live state: a
   * few number lists, as each instance decodes every other's (the whole cluster's ingest).
   */
  'readings:stored': (readings: NewestReadings) => void
  /** An alert one instance changed and pushed, for every other instance's open-alert list. */
  'alert:stored': (alert: Alert) => void
}
