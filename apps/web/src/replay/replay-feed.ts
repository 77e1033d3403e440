import type {
  Ack,
  Alert,
  ReplayAlert,
  ReplayClockState,
  ReplayControl,
  ReplaySnapshot,
  ReplayStarted,
  StateDelta,
} from '@ioc/domain'
import { type FeedView, type IocSocket, type LiveFeed, nextView, startFeed } from '../connection/live-feed'
import { applyDelta, applySnapshot } from '../state/live-state'
import type { NetworkIndex } from '../state/network-index'
import { applyActiveChange, rememberAlerts } from './replay-alerts'

export interface ReplayRequest {
  /** Epoch ms, inclusive. */
  from: number
  /** Epoch ms, exclusive. */
  to: number
  speed: number
  /** A partial rules configuration for a what-if (`applyRulesOverride` of @ioc/rules). */
  rulesOverride?: Record<string, unknown>
}

export interface ReplayFeedView extends FeedView {
  request: ReplayRequest | null
  /** The server's replay clock; null until a replay has started. */
  replay: ReplayClockState | null
  /** Data time one `step` advances, ms. */
  stepMs: number
  whatIf: boolean
  /** Alerts the rules engine gives at the clock (what-if rules when overridden). */
  replayedAlerts: Alert[]
  /** Every alert the replay has passed through, latest version, by id. */
  seenRecorded: ReadonlyMap<string, Alert>
  seenReplayed: ReadonlyMap<string, Alert>
  /** The server's message when it refused a start or a control. */
  error: string | null
}

export interface ReplayFeed extends LiveFeed {
  getView(): ReplayFeedView
  /**
   * Starts (or restarts) the replay of `request.from…to`, paused; `at` seeks on at once, so a what-if
   * restart keeps the analyst's place. False when the server refused it (the message is in the view's
   * `error`); the replay that ran before goes on.
   */
  start(request: ReplayRequest, at?: number): Promise<boolean>
  control(c: ReplayControl): Promise<void>
}

const DEFAULT_STEP_MS = 5 * 60_000

/** Emits with an ack and resolves with its value, or rejects with the server's message and issues. */
function ask<T>(emit: (ack: Ack<T>) => void): Promise<T> {
  return new Promise((resolve, reject) =>
    emit((reply) => {
      if (reply.ok) return resolve(reply.value)
      const issues = (reply.error.issues ?? []).map((i) => `${i.field}: ${i.message}`)
      reject(new Error([reply.error.message, ...issues].join(' · ')))
    }),
  )
}

/**
 * An analyst's replay as a feed: `replay:snapshot` and `replay:delta` go into the same LiveState the live
 * feed fills, so the live map, layers and KPIs draw it unchanged. The map's `alerts` are the recorded
 * ones (what the room saw); the replayed/what-if alerts sit beside them. After a reconnect the server has
 * forgotten the session (it lives with the socket), so the feed starts it again where the analyst was.
 */
export function createReplayFeed(
  socket: IocSocket,
  index: NetworkIndex,
  opts: {
    now: () => number
    onNetworkChanged: () => void
    /** Runs `fn` before the next paint; default requestAnimationFrame. */
    beforePaint?: (fn: () => void) => void
  },
): ReplayFeed {
  const beforePaint = opts.beforePaint ?? ((fn: () => void) => requestAnimationFrame(fn))
  const started = startFeed(socket, index)
  const state = started.state
  const listeners = new Set<() => void>()
  let view: ReplayFeedView = {
    ...started.view,
    request: null,
    replay: null,
    stepMs: DEFAULT_STEP_MS,
    whatIf: false,
    replayedAlerts: [],
    seenRecorded: new Map(),
    seenReplayed: new Map(),
    error: null,
  }

  let notifying = false
  // At 3600× hundreds of alert changes arrive per second, each its own socket message: the view is up to
  // date at once, but React hears of it once a frame, or it would re-render the page per message.
  const publish = (patch: Partial<ReplayFeedView>) => {
    view = nextView(view, state, patch)
    if (notifying) return
    notifying = true
    beforePaint(() => {
      notifying = false
      for (const l of listeners) l()
    })
  }
  const failed = (err: unknown) => publish({ error: err instanceof Error ? err.message : String(err) })

  const control = async (c: ReplayControl) => {
    try {
      const replay = await ask<ReplayClockState>((ack) => socket.emit('replay:control', c, ack))
      publish({ replay, error: null })
    } catch (err) {
      failed(err)
    }
  }

  const start = async (request: ReplayRequest, at?: number) => {
    let started: ReplayStarted
    try {
      started = await ask<ReplayStarted>((ack) => socket.emit('replay:start', request, ack))
    } catch (err) {
      failed(err)
      return false
    }
    const sameRange = view.request?.from === request.from && view.request?.to === request.to
    publish({
      request,
      error: null,
      replay: started.clock,
      stepMs: started.stepMs,
      whatIf: started.whatIf,
      // A new range forgets both lists; new rules forget only the replayed one.
      seenRecorded: sameRange ? view.seenRecorded : new Map(),
      seenReplayed: new Map(),
      replayedAlerts: [],
    })
    if (at !== undefined && at > request.from && at < request.to) await control({ type: 'seek', t: at })
    return true
  }

  const onSnapshot = (s: ReplaySnapshot) => {
    const r = applySnapshot(state, s)
    if (!r.ok) return r.error === 'network-changed' ? opts.onNetworkChanged() : undefined
    publish({
      lastDataAt: opts.now(),
      alerts: s.alerts,
      replayedAlerts: s.replayedAlerts,
      seenRecorded: rememberAlerts(view.seenRecorded, s.alerts),
      seenReplayed: rememberAlerts(view.seenReplayed, s.replayedAlerts),
    })
  }
  const onDelta = (d: StateDelta) => {
    const r = applyDelta(state, d)
    if (!r.ok) return r.error === 'network-changed' ? opts.onNetworkChanged() : undefined
    // A missed delta leaves some subjects behind: a seek to the same time sends the whole picture.
    if (r.value.gap) void control({ type: 'seek', t: d.clock })
    publish({ lastDataAt: opts.now() })
  }
  const onAlert = ({ source, alert }: ReplayAlert) =>
    publish(
      source === 'recorded'
        ? {
            alerts: applyActiveChange(view.alerts, alert),
            seenRecorded: rememberAlerts(view.seenRecorded, [alert]),
          }
        : {
            replayedAlerts: applyActiveChange(view.replayedAlerts, alert),
            seenReplayed: rememberAlerts(view.seenReplayed, [alert]),
          },
    )
  const onClock = (replay: ReplayClockState) => publish({ replay })
  const onConnect = () => {
    const resume = view.everConnected && view.request
    publish({ connected: true, everConnected: true })
    if (resume && view.request) {
      const playing = view.replay?.playing ?? false
      void start(view.request, view.replay?.t).then(() => (playing ? control({ type: 'play' }) : undefined))
    }
  }
  const onDisconnect = () => publish({ connected: false })

  socket.on('replay:snapshot', onSnapshot)
  socket.on('replay:delta', onDelta)
  socket.on('replay:alert', onAlert)
  socket.on('replay:clock', onClock)
  socket.on('connect', onConnect)
  socket.on('disconnect', onDisconnect)

  return {
    state,
    getView: () => view,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    start,
    control,
    dispose() {
      if (socket.connected) socket.emit('replay:stop', () => {})
      socket.off('replay:snapshot', onSnapshot)
      socket.off('replay:delta', onDelta)
      socket.off('replay:alert', onAlert)
      socket.off('replay:clock', onClock)
      socket.off('connect', onConnect)
      socket.off('disconnect', onDisconnect)
      listeners.clear()
    },
  }
}
