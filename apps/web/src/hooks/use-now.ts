import { useEffect, useState } from 'react'

/** The current time, re-rendering every `periodMs` (the wall clock and "x seconds ago"). */
export function useNow(periodMs = 1000): number {
  const [now, setNow] = useState(Date.now)
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), periodMs)
    return () => clearInterval(id)
  }, [periodMs])
  return now
}
