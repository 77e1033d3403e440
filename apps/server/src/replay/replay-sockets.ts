import type { NetworkIndex } from '@ioc/domain'
import {
  type ApiError,
  can,
  issuesFromZod,
  ReplayControl,
  type ReplayStarted,
  ReplayStartRequest,
} from '@ioc/domain'
import { createReplayClock } from '@ioc/replay'
import { applyRulesOverride, type RulesConfig, rulesKey } from '@ioc/rules'
import type { Logger } from 'pino'
import { describePrincipal } from '../auth/authenticate'
import type { IocServer } from '../live/live-hub'
import type { Store } from '../store/store'
import type { EngineCheckpoints } from './engine-checkpoints'
import { loadRecordedAlerts } from './load-recorded-alerts'
import { ReplayRun } from './replay-run'
import { ReplaySession } from './replay-session'

/** The engine starts this long before a replay's start, so alerts open at the start are open in it. */
export const WARM_UP_MS = 6 * 3600_000
/** One `step`: the feeds' reporting interval (TomTom speeds and the gauges report every 5 minutes). */
export const STEP_MS = 5 * 60_000

export interface ReplayDeps {
  store: Store
  index: NetworkIndex
  /** The rules the live pipeline runs; a what-if override is merged over them. */
  rules: RulesConfig
  checkpoints: EngineCheckpoints
  tickMs: number
  logger: Logger
}

/** A replay's events go to this room only: a wall display in `live` never sees them. */
export const replayRoom = (socketId: string) => `replay:${socketId}`

/** Each analyst socket may run one replay of its own, independent of every other socket. */
export function handleReplaySockets(io: IocServer, deps: ReplayDeps): { close(): void } {
  const sessions = new Map<string, ReplaySession>()
  const stop = (socketId: string) => {
    sessions.get(socketId)?.stop()
    sessions.delete(socketId)
  }

  io.on('connection', (socket) => {
    const room = replayRoom(socket.id)
    const refused = (): ApiError | null =>
      can(socket.data.principal, 'replay:use')
        ? null
        : {
            code: 'forbidden',
            message: `${describePrincipal(socket.data.principal)} lacks the replay:use permission`,
          }

    socket.on('replay:start', async (request, ack) => {
      if (typeof ack !== 'function') return
      const denied = refused()
      if (denied) return ack({ ok: false, error: denied })
      const parsed = ReplayStartRequest.safeParse(request)
      if (!parsed.success) {
        return ack({
          ok: false,
          error: { code: 'invalid_request', message: 'invalid replay', issues: issuesFromZod(parsed.error) },
        })
      }
      const { from, to, speed, rulesOverride } = parsed.data
      const rules = applyRulesOverride(deps.rules, rulesOverride, deps.index.network)
      if (!rules.ok) {
        return ack({
          ok: false,
          error: { code: 'invalid_request', message: 'invalid rules override', issues: rules.error },
        })
      }
      stop(socket.id)
      const anchorMs = from - WARM_UP_MS
      const run = new ReplayRun({
        store: deps.store,
        index: deps.index,
        rules: rules.value,
        checkpoints: deps.checkpoints,
        chain: `${rulesKey(rules.value)}@${anchorMs}`,
        anchorMs,
        recorded: await loadRecordedAlerts(deps.store, from, to),
        nowMs: Date.now,
      })
      const clock = createReplayClock({ fromMs: from, toMs: to, speed, stepMs: STEP_MS }, Date.now())
      const session = new ReplaySession(
        clock,
        run,
        {
          clock: (c) => io.to(room).emit('replay:clock', c),
          snapshot: (s) => io.to(room).emit('replay:snapshot', s),
          delta: (d) => io.to(room).emit('replay:delta', d),
          alert: (a) => io.to(room).emit('replay:alert', a),
        },
        deps.tickMs,
      )
      sessions.set(socket.id, session)
      await socket.join(room)
      const started: ReplayStarted = {
        clock: { t: from, speed, playing: false, from, to },
        stepMs: STEP_MS,
        whatIf: rulesOverride !== undefined,
      }
      ack({ ok: true, value: started })
      session.open().catch((err) => deps.logger.error({ err }, 'replay failed to open'))
    })

    socket.on('replay:control', async (control, ack) => {
      if (typeof ack !== 'function') return
      const denied = refused()
      if (denied) return ack({ ok: false, error: denied })
      const session = sessions.get(socket.id)
      if (!session) return ack({ ok: false, error: { code: 'not_found', message: 'no replay started' } })
      const parsed = ReplayControl.safeParse(control)
      if (!parsed.success) {
        return ack({
          ok: false,
          error: { code: 'invalid_request', message: 'invalid control', issues: issuesFromZod(parsed.error) },
        })
      }
      try {
        ack({ ok: true, value: await session.control(parsed.data) })
      } catch (err) {
        deps.logger.error({ err }, 'replay control failed')
        ack({ ok: false, error: { code: 'internal', message: 'replay failed' } })
      }
    })

    socket.on('replay:stop', async (ack) => {
      stop(socket.id)
      await socket.leave(room)
      if (typeof ack === 'function') ack({ ok: true, value: null })
    })

    socket.on('disconnect', () => stop(socket.id))
  })

  return {
    close() {
      for (const id of [...sessions.keys()]) stop(id)
    },
  }
}
