import type { Alert } from '@ioc/domain'
import { useEffect, useRef, useState } from 'react'
import type { AlarmTone } from './alarm-tone'
import { newCriticals } from './critical-cue'

/**
 * Rings and returns the ids to flash for critical alerts that arrive while the console is open. The
 * alerts already open when it loads (`ready` turns true with the first snapshot) are the baseline:
 * nobody wants a siren for the queue they are looking at.
 */
export function useCriticalCue(
  alerts: readonly Alert[],
  ready: boolean,
  muted: boolean,
  tone: AlarmTone,
): { flashing: string[]; dismiss(): void } {
  const seen = useRef<Set<string> | null>(null)
  const [flashing, setFlashing] = useState<string[]>([])

  useEffect(() => {
    if (!ready) return
    const { fresh, seen: next } = newCriticals(seen.current ?? new Set(), alerts)
    const baseline = seen.current === null
    seen.current = next
    if (baseline || fresh.length === 0) return
    setFlashing((ids) => [...new Set([...ids, ...fresh.map((a) => a.id)])])
    if (!muted) tone.play()
  }, [alerts, ready, muted, tone])

  // Stop flashing what someone has acknowledged (here or at another desk) or resolved.
  const stillCritical = flashing.filter((id) => alerts.some((a) => a.id === id && a.ack === null))
  return { flashing: stillCritical, dismiss: () => setFlashing([]) }
}
