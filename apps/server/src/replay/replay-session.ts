import { setTimeout as sleep } from 'node:timers/promises'
import type { ReplayAlert, ReplayClockState, ReplayControl, ReplaySnapshot, StateDelta } from '@ioc/domain'
import { clockState, controlClock, type ReplayClock, settleClock } from '@ioc/replay'
import type { ReplayRun } from './replay-run'

/** Where a session's events go: the analyst's own room. */
export interface ReplayEmitter {
  clock(c: ReplayClockState): void
  snapshot(s: ReplaySnapshot): void
  delta(d: StateDelta): void
  alert(a: ReplayAlert): void
}

/**
 * One analyst's replay: the clock, and a loop that, while playing, advances the run to the clock every
 * tick and emits the alert changes (all of them) and one coalesced delta. Work on the run is queued,
 * so a seek never interleaves with a tick.
 */
export class ReplaySession {
  private work: Promise<unknown> = Promise.resolve()
  private loop: Promise<void> | null = null
  private stopped = false

  constructor(
    private clock: ReplayClock,
    private readonly run: ReplayRun,
    private readonly emit: ReplayEmitter,
    private readonly tickMs: number,
    private readonly wallNowMs: () => number = Date.now,
  ) {}

  /** Sends the picture at the start. */
  async open(): Promise<void> {
    await this.seekTo(this.clock.atMs)
    this.emit.clock(clockState(this.clock, this.wallNowMs()))
  }

  async control(c: ReplayControl): Promise<ReplayClockState> {
    this.clock = controlClock(this.clock, c, this.wallNowMs())
    if (c.type === 'seek') await this.seekTo(this.clock.atMs)
    if (c.type === 'step') await this.advanceTo(this.clock.atMs)
    const state = clockState(this.clock, this.wallNowMs())
    this.emit.clock(state)
    if (this.clock.playing) this.loop ??= this.play()
    return state
  }

  stop(): void {
    this.stopped = true
  }

  private async play(): Promise<void> {
    try {
      while (!this.stopped && this.clock.playing) {
        await sleep(this.tickMs)
        if (this.stopped || !this.clock.playing) break
        await this.advanceTo()
        if (!this.stopped) this.emit.clock(clockState(this.clock, this.wallNowMs()))
      }
    } finally {
      this.loop = null
    }
  }

  private seekTo(t: number): Promise<void> {
    return this.queue(async () => this.emit.snapshot(await this.run.seek(Math.floor(t))))
  }

  /** Emits what changed up to `t`, by default the clock when the work gets its turn (after any seek). */
  private advanceTo(t?: number): Promise<void> {
    return this.queue(async () => {
      this.clock = settleClock(this.clock, this.wallNowMs())
      const { delta, alerts } = await this.run.advance(Math.floor(t ?? this.clock.atMs))
      if (this.stopped) return
      for (const a of alerts) this.emit.alert(a)
      if (delta) this.emit.delta(delta)
    })
  }

  private queue(fn: () => Promise<void>): Promise<void> {
    const next = this.work.then(fn)
    this.work = next.catch(() => {})
    return next
  }
}
