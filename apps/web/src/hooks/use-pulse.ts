import { useEffect, useState } from 'react'

/** A 0…1 phase that loops every `periodMs` while `active`; no animation frames otherwise. */
export function usePulse(active: boolean, periodMs = 1400): number {
  const [phase, setPhase] = useState(0)
  useEffect(() => {
    if (!active) {
      setPhase(0)
      return
    }
    let frame = requestAnimationFrame(function tick(t) {
      setPhase((t % periodMs) / periodMs)
      frame = requestAnimationFrame(tick)
    })
    return () => cancelAnimationFrame(frame)
  }, [active, periodMs])
  return phase
}
