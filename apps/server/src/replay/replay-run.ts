import { gunzipSync, gzipSync } from 'node:zlib'
import { type RecordedAlerts, ReplayedAlerts } from '@ioc/alerts'
import type {
  AlertEvent,
  NetworkIndex,
  Observation,
  ReplayAlert,
  ReplaySnapshot,
  StateDelta,
} from '@ioc/domain'
import { LatestState } from '@ioc/replay'
import { createRulesEngine, type RulesConfig, type RulesEngine, type RulesEngineState } from '@ioc/rules'
import type { Store } from '../store/store'
import type { EngineCheckpoints } from './engine-checkpoints'

/** Engine checkpoints every 5 min of data (~120 kB each): a seek feeds at most that much to the engine. */
export const CHECKPOINT_MS = 5 * 60_000
/** Observations may still arrive this late; no checkpoint is kept nearer to now than this. */
const LATE_MS = 15 * 60_000
const PAGE = 5000

export interface ReplayRunOptions {
  store: Store
  index: NetworkIndex
  rules: RulesConfig
  checkpoints: EngineCheckpoints
  /** Names the rules and the warm-up start: checkpoints of one chain fit only the same run. */
  chain: string
  /** The engine starts empty here: the replay's start minus the warm-up window. */
  anchorMs: number
  recorded: RecordedAlerts
  nowMs: () => number
}

/**
 * The data side of one replay, no sockets and no clock: the picture, the replayed alerts and the
 * recorded ones at a replay time, and what changed as the time moves forward. The picture and the
 * engine have taken every observation with observedAt ≤ the time.
 */
export class ReplayRun {
  private readonly latest: LatestState
  private engine!: RulesEngine
  private alerts!: ReplayedAlerts
  /** The engine has taken every observation with observedAt < position. */
  private position = Number.NaN
  /** The replay time the picture is at. */
  private t = Number.NaN

  constructor(private readonly o: ReplayRunOptions) {
    this.latest = new LatestState(o.index)
  }

  /** Jumps to `t`: the latest reading of every subject at t, and the engine warmed up to t. */
  async seek(t: number): Promise<ReplaySnapshot> {
    this.latest.replaceAll(await this.o.store.latestObservations(t))
    await this.warmTo(t + 1)
    this.t = t
    // The tick raises what only the clock can (a silent sensor): shown like any other replayed alert.
    for (const e of this.engine.tick(t)) this.alerts.apply(e)
    return {
      ...this.latest.snapshot(t, this.o.recorded.activeAt(t)),
      replayedAlerts: this.alerts.list(),
    }
  }

  /**
   * Moves to `t` (≥ the current time): every observation up to t goes into the picture and the engine.
   * Returns the coalesced picture change and every alert change, none dropped, in time order.
   */
  async advance(t: number): Promise<{ delta: StateDelta | null; alerts: ReplayAlert[] }> {
    if (!(t > this.t)) return { delta: null, alerts: [] }
    const changes: { at: number; change: ReplayAlert }[] = []
    const replayed = (events: readonly AlertEvent[]) => {
      for (const e of events) {
        const alert = this.alerts.apply(e)
        if (alert) changes.push({ at: e.at, change: { source: 'replayed', alert } })
      }
    }
    await this.feed(t + 1, (page) => this.latest.apply(page), replayed)
    replayed(this.engine.tick(t))
    for (const alert of this.o.recorded.changesBetween(this.t, t))
      changes.push({ at: alert.updatedAt, change: { source: 'recorded', alert } })
    this.t = t
    return {
      delta: this.latest.takeDelta(t),
      alerts: changes.sort((a, b) => a.at - b.at).map((c) => c.change),
    }
  }

  /** Brings the engine to `target` from the nearest start: its own position, a checkpoint, or the anchor. */
  private async warmTo(target: number): Promise<void> {
    const cp = this.o.checkpoints.latest(this.o.chain, target)
    const ownUsable = this.position <= target
    if (!(ownUsable && (!cp || cp.atMs <= this.position))) {
      this.alerts = new ReplayedAlerts('replayed')
      if (cp) {
        // The checkpoint is this process's own export, so validating it again would only slow the seek.
        const state: RulesEngineState = JSON.parse(gunzipSync(cp.state).toString('utf8'))
        this.engine = createRulesEngine(this.o.index.network, this.o.rules, state, { trustedState: true })
        this.alerts.restore(cp.alerts)
        this.position = cp.atMs
      } else {
        this.engine = createRulesEngine(this.o.index.network, this.o.rules)
        this.position = this.o.anchorMs
      }
    }
    await this.feed(
      target,
      () => {},
      (events) => {
        for (const e of events) this.alerts.apply(e)
      },
    )
  }

  /** Feeds [position, target) to the engine a page at a time, keeping a checkpoint at each boundary. */
  private async feed(
    target: number,
    onPage: (page: readonly Observation[]) => void,
    onEvents: (events: readonly AlertEvent[]) => void,
  ): Promise<void> {
    if (!(target > this.position)) return
    let boundary = (Math.floor(this.position / CHECKPOINT_MS) + 1) * CHECKPOINT_MS
    for await (const page of this.o.store.observationsInRange(this.position, target, PAGE)) {
      onPage(page)
      for (const obs of page) {
        const at = Date.parse(obs.observedAt)
        if (at >= boundary) {
          this.checkpoint(Math.floor(at / CHECKPOINT_MS) * CHECKPOINT_MS)
          boundary = (Math.floor(at / CHECKPOINT_MS) + 1) * CHECKPOINT_MS
        }
        const events = this.engine.observe(obs)
        if (events.length) onEvents(events)
      }
      // better-sqlite3 is synchronous: let the sockets of other analysts through between pages.
      await new Promise((resolve) => setImmediate(resolve))
    }
    this.position = target
  }

  private checkpoint(atMs: number): void {
    if (atMs > this.o.nowMs() - LATE_MS || this.o.checkpoints.has(this.o.chain, atMs)) return
    this.o.checkpoints.put(this.o.chain, {
      atMs,
      state: gzipSync(JSON.stringify(this.engine.exportState()), { level: 1 }),
      alerts: this.alerts.list(),
    })
  }
}
