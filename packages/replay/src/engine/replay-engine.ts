import { ReplayedAlerts } from '@ioc/alerts'
import type { Alert, AlertEvent, Network, Observation } from '@ioc/domain'
import { createRulesEngine, type RulesConfig, type RulesEngine, type RulesEngineState } from '@ioc/rules'

/** Checkpoints fall on multiples of 5 min of data (~120 kB of state each): a seek feeds at most that much. */
export const CHECKPOINT_MS = 5 * 60_000

/** Where a replay's engine starts: empty at the warm-up anchor, or from a checkpoint. */
export interface EngineStart {
  /** The engine has taken every observation with observedAt < atMs. */
  atMs: number
  /** The engine's exported state at atMs; none starts it empty. */
  state?: RulesEngineState
  /** The replayed alerts active at atMs. */
  alerts?: readonly Alert[]
}

/** A replayed alert as one engine event left it, and the data time of that event. */
export interface ReplayedChange {
  at: number
  alert: Alert
}

/**
 * The rules engine of one replay and the alerts it has raised, at a data position: observations go in
 * in time order, page by page, and their alert changes come out. It knows nothing of where pages come
 * from or where checkpoints are kept; it says when one is due (`checkpoint` of `observe`).
 */
export class ReplayEngine {
  private nextCheckpointMs: number

  private constructor(
    private readonly engine: RulesEngine,
    private readonly replayed: ReplayedAlerts,
    private positionMs: number,
  ) {
    this.nextCheckpointMs = nextBoundary(positionMs)
  }

  /**
   * An engine at `from`. `trustedState` skips validating `from.state`: only for a state this process
   * exported itself, where validating again would only slow the seek.
   */
  static start(
    network: Network,
    rules: RulesConfig,
    from: EngineStart,
    options: { trustedState?: boolean } = {},
  ): ReplayEngine {
    const engine = from.state
      ? createRulesEngine(network, rules, from.state, { trustedState: options.trustedState ?? false })
      : createRulesEngine(network, rules)
    const replayed = new ReplayedAlerts('replayed')
    if (from.alerts) replayed.restore(from.alerts)
    return new ReplayEngine(engine, replayed, from.atMs)
  }

  /** The engine has taken every observation with observedAt < position. */
  get position(): number {
    return this.positionMs
  }

  /**
   * Feeds a page of observations, in time order, none before `position`. Before the first observation
   * past a checkpoint boundary it calls `checkpoint(atMs)` with that boundary: the engine then holds
   * every observation before atMs and none after, so `exportState()` and `alerts()` are the checkpoint.
   */
  observe(page: readonly Observation[], checkpoint?: (atMs: number) => void): ReplayedChange[] {
    const changes: ReplayedChange[] = []
    for (const obs of page) {
      const at = Date.parse(obs.observedAt)
      if (at >= this.nextCheckpointMs) {
        const boundary = Math.floor(at / CHECKPOINT_MS) * CHECKPOINT_MS
        checkpoint?.(boundary)
        this.nextCheckpointMs = boundary + CHECKPOINT_MS
      }
      const events = this.engine.observe(obs)
      if (events.length) this.apply(events, changes)
    }
    return changes
  }

  /** Every observation before `targetMs` has been fed: the position moves there. */
  reached(targetMs: number): void {
    if (!(targetMs > this.positionMs)) return
    this.positionMs = targetMs
    this.nextCheckpointMs = nextBoundary(targetMs)
  }

  /** The clock's tick at `tMs`: what only time raises (a silent sensor), like any replayed alert. */
  tick(tMs: number): ReplayedChange[] {
    return this.apply(this.engine.tick(tMs), [])
  }

  /** The active replayed alerts, in the order they were raised. */
  alerts(): Alert[] {
    return this.replayed.list()
  }

  exportState(): RulesEngineState {
    return this.engine.exportState()
  }

  private apply(events: readonly AlertEvent[], into: ReplayedChange[]): ReplayedChange[] {
    for (const e of events) {
      const alert = this.replayed.apply(e)
      if (alert) into.push({ at: e.at, alert })
    }
    return into
  }
}

/** Where a seek's engine comes from: the engine as it is, a checkpoint, or empty at the warm-up anchor. */
export type WarmStart<C> = { from: 'continue' } | { from: 'checkpoint'; checkpoint: C } | { from: 'anchor' }

/**
 * How an engine at `positionMs` (undefined: none yet) reaches `targetMs` with the least feeding: go on
 * from where it is, unless it is past the target (an engine cannot go back) or `checkpoint` (the latest
 * at or before the target) is ahead of it; else from that checkpoint, else from the warm-up anchor.
 */
export function warmStart<C extends { atMs: number }>(
  positionMs: number | undefined,
  targetMs: number,
  checkpoint: C | undefined,
): WarmStart<C> {
  const canContinue = positionMs !== undefined && positionMs <= targetMs
  if (canContinue && !(checkpoint && checkpoint.atMs > positionMs)) return { from: 'continue' }
  return checkpoint ? { from: 'checkpoint', checkpoint } : { from: 'anchor' }
}

function nextBoundary(ms: number): number {
  return (Math.floor(ms / CHECKPOINT_MS) + 1) * CHECKPOINT_MS
}
