import type {
  Alert,
  ClientToServerEvents,
  NewestReadings,
  Observation,
  OperationalIncident,
  Principal,
  ServerToClientEvents,
  StateSnapshot,
} from '@ioc/domain'
import type { LatestState } from '@ioc/replay'
import type { Server } from 'socket.io'
import type { InterServerEvents } from '../cluster/inter-server-events'

export interface SocketData {
  principal: Principal
}
export type IocServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>

/** The room of everyone watching the live picture; replays get rooms of their own. */
export const LIVE_ROOM = 'live'
/** The sockets that may see citizen reports (citizen:view): their changes go to this room only. */
export const CITIZEN_ROOM = 'citizen'

/** Longest silence of the live room: clients call a link stale after 30 s without a message. */
export const HEARTBEAT_MS = 10_000

export interface LiveHub {
  /** Newly stored observations; they go out with the next tick's delta. */
  apply(observations: readonly Observation[]): void
  /** Another instance's newly stored readings; false if they index another network version. */
  applyNewest(readings: NewestReadings): boolean
  snapshot(): StateSnapshot
  close(): void
}

/**
 * Emits at most one `state:delta` per tick to the live room, holding only the subjects that changed,
 * so a burst of thousands of observations costs each client one message. Deltas go through the room
 * (not per socket) so Socket.IO's connection state recovery can replay them to a client that dropped.
 */
export function createLiveHub(
  io: IocServer,
  state: LatestState,
  options: {
    tickMs: number
    openAlerts: () => Alert[]
    /** The open operational incidents, sent with every snapshot. */
    openIncidents?: () => OperationalIncident[]
    onDelta?: () => void
    /**
     * With several instances only the leader emits deltas (through the adapter, to every instance's
     * clients), so clients see one numbered stream; the others keep their changes marked until they lead.
     */
    emitsDeltas?: () => boolean
  },
): LiveHub {
  let lastEmitAt = Date.now()
  const timer = setInterval(() => {
    if (options.emitsDeltas && !options.emitsDeltas()) return
    const now = Date.now()
    // An empty delta now and then tells a client that a quiet city is not a stuck server or link.
    const delta = state.takeDelta(now, now - lastEmitAt >= HEARTBEAT_MS)
    if (!delta) return
    lastEmitAt = now
    io.to(LIVE_ROOM).emit('state:delta', delta)
    options.onDelta?.()
  }, options.tickMs)

  return {
    apply: (observations) => state.apply(observations),
    applyNewest: (readings) => state.applyNewest(readings),
    snapshot: () => {
      const snapshot = state.snapshot(Date.now(), options.openAlerts())
      return options.openIncidents ? { ...snapshot, incidents: options.openIncidents() } : snapshot
    },
    close: () => clearInterval(timer),
  }
}
