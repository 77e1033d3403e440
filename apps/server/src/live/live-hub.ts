import type {
  Alert,
  ClientToServerEvents,
  Observation,
  Principal,
  ServerToClientEvents,
  StateSnapshot,
} from '@ioc/domain'
import type { Server } from 'socket.io'
import type { LiveState } from './live-state'

export interface SocketData {
  principal: Principal
}
export type IocServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>

/** The room of everyone watching the live picture; replays get rooms of their own. */
export const LIVE_ROOM = 'live'

export interface LiveHub {
  /** Newly stored observations; they go out with the next tick's delta. */
  apply(observations: readonly Observation[]): void
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
  state: LiveState,
  options: { tickMs: number; openAlerts: () => Alert[]; onDelta?: () => void },
): LiveHub {
  const timer = setInterval(() => {
    const delta = state.takeDelta(Date.now())
    if (!delta) return
    io.to(LIVE_ROOM).emit('state:delta', delta)
    options.onDelta?.()
  }, options.tickMs)

  return {
    apply: (observations) => state.apply(observations),
    snapshot: () => state.snapshot(Date.now(), options.openAlerts()),
    close: () => clearInterval(timer),
  }
}
