import { z } from 'zod'
import { Alert, AlertAction } from './alert'
import type { Silence } from './alert-api'
import type { CitizenReportChange } from './citizen-report'
import type { ApiError } from './errors'
import { OperationalIncident } from './operational-incident'
import type {
  ReplayAlert,
  ReplayClockState,
  ReplayControl,
  ReplaySnapshot,
  ReplayStarted,
  ReplayStartRequest,
} from './replay'
import type { Result } from './result/result'

/**
 * Latest values in columns. Subjects are indices into the network's `segments` / `stations` arrays of
 * `networkVersion`, so a delta of thousands of segments stays a few typed-array-friendly number lists.
 */
export const TrafficColumns = z.object({
  segmentIdx: z.array(z.number().int().nonnegative()),
  speedKph: z.array(z.number()),
  observedAt: z.array(z.number().int()),
})
export type TrafficColumns = z.infer<typeof TrafficColumns>

export const WaterColumns = z.object({
  stationIdx: z.array(z.number().int().nonnegative()),
  value: z.array(z.number()),
  observedAt: z.array(z.number().int()),
})
export type WaterColumns = z.infer<typeof WaterColumns>

/**
 * The newest reading per subject of a stored batch, in a delta's columns: what another server
 * instance needs of the batch for its own live picture, a few number lists instead of the readings.
 */
export const NewestReadings = z.object({
  networkVersion: z.string(),
  traffic: TrafficColumns,
  water: WaterColumns,
})
export type NewestReadings = z.infer<typeof NewestReadings>

export const StateSnapshot = z.object({
  networkVersion: z.string(),
  /** Data time the state is for, epoch ms: now when live, the replay clock in a replay. */
  clock: z.number().int(),
  traffic: TrafficColumns,
  water: WaterColumns,
  alerts: z.array(Alert),
  /** Live only: the open operational incidents (alerts grouped by cause); a replay has none. */
  incidents: z.array(OperationalIncident).optional(),
})
export type StateSnapshot = z.infer<typeof StateSnapshot>

export const StateDelta = z.object({
  networkVersion: z.string(),
  seq: z.number().int().nonnegative(),
  clock: z.number().int(),
  traffic: TrafficColumns,
  water: WaterColumns,
})
export type StateDelta = z.infer<typeof StateDelta>

export const AlertActRequest = z.object({ alertId: z.string().min(1), action: AlertAction })
export type AlertActRequest = z.infer<typeof AlertActRequest>

export type Ack<T> = (reply: Result<T, ApiError>) => void

/** Socket.IO events, one typed map used by server and client alike (socket.io `typed-events.ts`). */
export interface ServerToClientEvents {
  'state:snapshot': (snapshot: StateSnapshot) => void
  'state:delta': (delta: StateDelta) => void
  'alert:changed': (alert: Alert) => void
  /** A silence was created or lifted; sent at once to the live room. */
  'silence:changed': (silence: Silence) => void
  /** An operational incident was opened or changed (an alert joined, an action, a tick); sent at once. */
  'operational-incident:changed': (incident: OperationalIncident) => void
  /**
   * A citizen report arrived or changed: which one, not what it says. Sent only to sockets that may see
   * reports (citizen:view), which then ask the staff API for the list.
   */
  'citizen-report:changed': (change: CitizenReportChange) => void
  /** Replay events go only to the analyst's own room `replay:<socket id>`, never to `live`. */
  'replay:clock': (clock: ReplayClockState) => void
  'replay:snapshot': (snapshot: ReplaySnapshot) => void
  'replay:delta': (delta: StateDelta) => void
  'replay:alert': (change: ReplayAlert) => void
}

export interface ClientToServerEvents {
  'alert:act': (request: AlertActRequest, ack: Ack<Alert>) => void
  'state:resync': (ack: Ack<StateSnapshot>) => void
  /** Starts (or restarts) this socket's replay, paused at `from`; a `replay:snapshot` follows. */
  'replay:start': (request: ReplayStartRequest, ack: Ack<ReplayStarted>) => void
  'replay:control': (control: ReplayControl, ack: Ack<ReplayClockState>) => void
  'replay:stop': (ack: Ack<null>) => void
}

export function emptyTraffic(): TrafficColumns {
  return { segmentIdx: [], speedKph: [], observedAt: [] }
}

export function emptyWater(): WaterColumns {
  return { stationIdx: [], value: [], observedAt: [] }
}
