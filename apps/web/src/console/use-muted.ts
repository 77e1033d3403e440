import { useState } from 'react'

const MUTED_KEY = 'ioc.console.muted'

/** The console's mute switch, remembered on this desk. */
export function useMuted(): [boolean, (muted: boolean) => void] {
  const [muted, setMuted] = useState(() => localStorage.getItem(MUTED_KEY) === '1')
  return [
    muted,
    (next) => {
      localStorage.setItem(MUTED_KEY, next ? '1' : '0')
      setMuted(next)
    },
  ]
}
