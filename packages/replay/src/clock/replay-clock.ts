import type { ReplayClockState, ReplayControl } from '@ioc/domain'

/**
 * The replay clock as a value: where replay time was at a wall instant, and how fast it runs from
 * there. Pure: every function takes the wall clock (`wallNowMs`, epoch ms) as input, so tests drive it
 * with any times they like and the server passes `Date.now()`.
 */
export interface ReplayClock {
  fromMs: number
  toMs: number
  /** Data seconds per wall second, 1–3600. */
  speed: number
  playing: boolean
  /** Replay time at `wallMs`. */
  atMs: number
  wallMs: number
  /** Data time one `step` advances: the feeds' reporting interval. */
  stepMs: number
}

export function createReplayClock(
  o: { fromMs: number; toMs: number; speed: number; stepMs: number },
  wallNowMs: number,
): ReplayClock {
  return { ...o, playing: false, atMs: o.fromMs, wallMs: wallNowMs }
}

/** Replay time at a wall instant: it runs at `speed` while playing and stops at `toMs`. */
export function clockAt(c: ReplayClock, wallNowMs: number): number {
  if (!c.playing) return c.atMs
  return Math.min(c.toMs, c.atMs + Math.max(0, wallNowMs - c.wallMs) * c.speed)
}

/** The same clock re-anchored at `wallNowMs`; a playing clock that reached the end is paused there. */
export function settleClock(c: ReplayClock, wallNowMs: number): ReplayClock {
  const atMs = clockAt(c, wallNowMs)
  return { ...c, atMs, wallMs: wallNowMs, playing: c.playing && atMs < c.toMs }
}

export function controlClock(c: ReplayClock, control: ReplayControl, wallNowMs: number): ReplayClock {
  const now = settleClock(c, wallNowMs)
  switch (control.type) {
    case 'play':
      return { ...now, playing: now.atMs < now.toMs }
    case 'pause':
      return { ...now, playing: false }
    case 'seek':
      return { ...now, atMs: clamp(control.t, now.fromMs, now.toMs) }
    case 'speed':
      return { ...now, speed: control.speed }
    case 'step':
      return { ...now, playing: false, atMs: Math.min(now.toMs, now.atMs + now.stepMs) }
  }
}

/** What the client is told: replay time rounded to the millisecond. */
export function clockState(c: ReplayClock, wallNowMs: number): ReplayClockState {
  const s = settleClock(c, wallNowMs)
  return { t: Math.floor(s.atMs), speed: s.speed, playing: s.playing, from: s.fromMs, to: s.toMs }
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v))
}
