import type {
  Alert,
  ClientToServerEvents,
  OperationalIncident,
  ServerToClientEvents,
  StateDelta,
  StateSnapshot,
} from '@ioc/domain'
import type { Socket } from 'socket.io-client'
import { applyAlertChange } from '../state/alert-list'
import { applyIncidentChange } from '../state/incident-list'
import { applyDelta, applySnapshot, createLiveState, type LiveState } from '../state/live-state'
import type { NetworkIndex } from '../state/network-index'
import type { LinkFacts } from './connection-status'

export type IocSocket = Socket<ServerToClientEvents, ClientToServerEvents>

/** What React renders from; a new object on every change, so it works with useSyncExternalStore. */
export interface FeedView extends LinkFacts {
  trafficVersion: number
  waterVersion: number
  /** Data time of the state, epoch ms (0 before the first snapshot). */
  clock: number
  alerts: Alert[]
  /** Open operational incidents (live only: a replay has none). */
  incidents: OperationalIncident[]
}

export interface LiveFeed {
  state: LiveState
  getView(): FeedView
  subscribe(listener: () => void): () => void
  dispose(): void
}

/** What a feed starts from for `index`'s network: an empty state and a view with nothing received. */
export function startFeed(socket: IocSocket, index: NetworkIndex): { state: LiveState; view: FeedView } {
  const state = createLiveState(
    index.network.version,
    index.network.segments.features.length,
    index.network.stations.features.length,
  )
  const view: FeedView = {
    connected: socket.connected,
    everConnected: socket.connected,
    lastDataAt: null,
    newestReadingAt: null,
    trafficVersion: 0,
    waterVersion: 0,
    clock: 0,
    alerts: [],
    incidents: [],
  }
  return { state, view }
}

/** The view after a change: the state's versions and data time, then `patch`. */
export const nextView = <V extends FeedView>(view: V, state: LiveState, patch: Partial<V>): V => ({
  ...view,
  trafficVersion: state.trafficVersion,
  waterVersion: state.waterVersion,
  clock: state.clock,
  ...patch,
})

/** A gap resync costs a full snapshot; ask at most this often even if deltas keep arriving out of order. */
const RESYNC_MIN_INTERVAL_MS = 10_000

/**
 * Feeds the socket's snapshot, deltas and alert changes into one LiveState. After a reconnect the server
 * either replays what was missed (connection state recovery) or sends a fresh snapshot, so nothing here
 * reloads the page. A message for another network version calls `onNetworkChanged` to refetch it; the
 * feed made for the new network on the same socket asks for the picture again.
 */
export function createLiveFeed(
  socket: IocSocket,
  index: NetworkIndex,
  opts: { now: () => number; onNetworkChanged: () => void },
): LiveFeed {
  const started = startFeed(socket, index)
  const state = started.state
  let view = started.view
  const listeners = new Set<() => void>()
  let lastResyncAt = Number.NEGATIVE_INFINITY

  const publish = (patch: Partial<FeedView>) => {
    view = nextView(view, state, patch)
    for (const l of listeners) l()
  }

  const onSnapshot = (s: StateSnapshot) => {
    const r = applySnapshot(state, s)
    if (!r.ok) return r.error === 'network-changed' ? opts.onNetworkChanged() : undefined
    publish({
      lastDataAt: opts.now(),
      newestReadingAt: state.newestAt || null,
      alerts: s.alerts.filter((a) => a.resolution === null),
      incidents: (s.incidents ?? []).filter((i) => i.status === 'open'),
    })
  }
  const resync = () => {
    if (opts.now() - lastResyncAt < RESYNC_MIN_INTERVAL_MS) return
    lastResyncAt = opts.now()
    socket.emit('state:resync', (reply) => {
      if (reply.ok) onSnapshot(reply.value)
    })
  }
  const onDelta = (d: StateDelta) => {
    const r = applyDelta(state, d)
    if (!r.ok) return r.error === 'network-changed' ? opts.onNetworkChanged() : resync()
    if (r.value.gap) resync()
    publish({ lastDataAt: opts.now(), newestReadingAt: state.newestAt || null })
  }
  const onAlert = (a: Alert) => publish({ alerts: applyAlertChange(view.alerts, a) })
  const onIncident = (i: OperationalIncident) =>
    publish({ incidents: applyIncidentChange(view.incidents, i) })
  const onConnect = () => publish({ connected: true, everConnected: true })
  const onDisconnect = () => publish({ connected: false })

  socket.on('state:snapshot', onSnapshot)
  socket.on('state:delta', onDelta)
  socket.on('alert:changed', onAlert)
  socket.on('operational-incident:changed', onIncident)
  socket.on('connect', onConnect)
  socket.on('disconnect', onDisconnect)
  // A feed made on a socket already connected (the network changed under the desk's one socket) missed
  // the snapshot sent on connect.
  if (socket.connected) resync()

  return {
    state,
    getView: () => view,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    dispose() {
      socket.off('state:snapshot', onSnapshot)
      socket.off('state:delta', onDelta)
      socket.off('alert:changed', onAlert)
      socket.off('operational-incident:changed', onIncident)
      socket.off('connect', onConnect)
      socket.off('disconnect', onDisconnect)
      listeners.clear()
    },
  }
}
