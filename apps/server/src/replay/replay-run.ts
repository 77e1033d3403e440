import { gunzipSync, gzipSync } from 'node:zlib'
import type { RecordedAlerts } from '@ioc/alerts'
import type { NetworkIndex, Observation, ReplayAlert, ReplaySnapshot, StateDelta } from '@ioc/domain'
import { LatestState, ReplayEngine, type ReplayedChange, warmStart } from '@ioc/replay'
import type { RulesConfig, RulesEngineState } from '@ioc/rules'
import type { Store } from '../store/store'
import type { EngineCheckpoints } from './engine-checkpoints'

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
 * engine have taken every observation with observedAt ≤ the time. The engine itself is
 * `ReplayEngine` (@ioc/replay); this reads its pages from the store and keeps its checkpoints.
 */
export class ReplayRun {
  private readonly latest: LatestState
  private engine: ReplayEngine | undefined
  /** The replay time the picture is at. */
  private t = Number.NaN

  constructor(private readonly o: ReplayRunOptions) {
    this.latest = new LatestState(o.index)
  }

  /** Jumps to `t`: the latest reading of every subject at t, and the engine warmed up to t. */
  async seek(t: number): Promise<ReplaySnapshot> {
    this.latest.replaceAll(await this.o.store.latestObservations(t))
    const engine = await this.warmTo(t + 1)
    this.t = t
    // The tick raises what only the clock can (a silent sensor): shown like any other replayed alert.
    engine.tick(t)
    return {
      ...this.latest.snapshot(t, this.o.recorded.activeAt(t)),
      replayedAlerts: engine.alerts(),
    }
  }

  /**
   * Moves to `t` (≥ the current time): every observation up to t goes into the picture and the engine.
   * Returns the coalesced picture change and every alert change, none dropped, in time order.
   */
  async advance(t: number): Promise<{ delta: StateDelta | null; alerts: ReplayAlert[] }> {
    const engine = this.engine
    if (!engine || !(t > this.t)) return { delta: null, alerts: [] }
    const changes: { at: number; change: ReplayAlert }[] = []
    const replayed = (cs: readonly ReplayedChange[]) => {
      for (const { at, alert } of cs) changes.push({ at, change: { source: 'replayed', alert } })
    }
    await this.feed(engine, t + 1, (page) => this.latest.apply(page), replayed)
    replayed(engine.tick(t))
    for (const alert of this.o.recorded.changesBetween(this.t, t))
      changes.push({ at: alert.updatedAt, change: { source: 'recorded', alert } })
    this.t = t
    return {
      delta: this.latest.takeDelta(t),
      alerts: changes.sort((a, b) => a.at - b.at).map((c) => c.change),
    }
  }

  /** Brings the engine to `target` from the nearest start: its own position, a checkpoint, or the anchor. */
  private async warmTo(target: number): Promise<ReplayEngine> {
    const start = warmStart(this.engine?.position, target, this.o.checkpoints.latest(this.o.chain, target))
    const { network } = this.o.index
    if (start.from === 'checkpoint') {
      const cp = start.checkpoint
      const state: RulesEngineState = JSON.parse(gunzipSync(cp.state).toString('utf8'))
      // The checkpoint is this process's own export, so validating it again would only slow the seek.
      this.engine = ReplayEngine.start(
        network,
        this.o.rules,
        { atMs: cp.atMs, state, alerts: cp.alerts },
        { trustedState: true },
      )
    } else if (start.from === 'anchor' || !this.engine) {
      this.engine = ReplayEngine.start(network, this.o.rules, { atMs: this.o.anchorMs })
    }
    const engine = this.engine
    await this.feed(
      engine,
      target,
      () => {},
      () => {},
    )
    return engine
  }

  /** Feeds [position, target) to the engine a page at a time, keeping a checkpoint at each boundary. */
  private async feed(
    engine: ReplayEngine,
    target: number,
    onPage: (page: readonly Observation[]) => void,
    onChanges: (changes: readonly ReplayedChange[]) => void,
  ): Promise<void> {
    if (!(target > engine.position)) return
    for await (const page of this.o.store.observationsInRange(engine.position, target, PAGE)) {
      onPage(page)
      const changes = engine.observe(page, (atMs) => this.checkpoint(engine, atMs))
      if (changes.length) onChanges(changes)
      // better-sqlite3 is synchronous: let the sockets of other analysts through between pages.
      await new Promise((resolve) => setImmediate(resolve))
    }
    engine.reached(target)
  }

  private checkpoint(engine: ReplayEngine, atMs: number): void {
    if (atMs > this.o.nowMs() - LATE_MS || this.o.checkpoints.has(this.o.chain, atMs)) return
    this.o.checkpoints.put(this.o.chain, {
      atMs,
      state: gzipSync(JSON.stringify(engine.exportState()), { level: 1 }),
      alerts: engine.alerts(),
    })
  }
}
