import type { ReplayClockState, ReplayControl } from '@ioc/domain'
import { useEffect } from 'react'
import { nextSpeed } from './clock-display'

/** Typing in a field (an incident's notes, a what-if level) must not drive the replay. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

/**
 * The replay's keyboard: Space plays or pauses, → steps one interval, ← goes back one, + and − change
 * the speed. Listens on the window so the keys work wherever focus is, except in a form field.
 */
export function useReplayKeys(
  clock: ReplayClockState | null,
  stepMs: number,
  control: (c: ReplayControl) => void,
): void {
  useEffect(() => {
    if (!clock) return
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return
      let c: ReplayControl | null = null
      if (e.key === ' ') c = { type: clock.playing ? 'pause' : 'play' }
      else if (e.key === 'ArrowRight') c = { type: 'step' }
      else if (e.key === 'ArrowLeft') c = { type: 'seek', t: Math.max(clock.from, clock.t - stepMs) }
      else if (e.key === '+' || e.key === '=') c = { type: 'speed', speed: nextSpeed(clock.speed, 1) }
      else if (e.key === '-' || e.key === '_') c = { type: 'speed', speed: nextSpeed(clock.speed, -1) }
      if (!c) return
      // A focused button would otherwise also take Space as a click.
      e.preventDefault()
      control(c)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [clock, stepMs, control])
}
