/** Playback speeds offered: real time, then up to one hour of data per second. */
export const SPEEDS = [1, 10, 60, 600, 3600] as const

/** "60×" */
export function speedLabel(speed: number): string {
  return `${speed}×`
}

/** The offered speed one notch faster (+1) or slower (−1) than `speed`, staying within the list. */
export function nextSpeed(speed: number, direction: 1 | -1): number {
  const faster = SPEEDS.find((s) => s > speed) ?? SPEEDS[4]
  const slower = SPEEDS.findLast((s) => s < speed) ?? SPEEDS[0]
  return direction === 1 ? faster : slower
}

/** Time since the start of the range as "+h:mm:ss" ("+26:05:00" past a day): where the analyst is. */
export function elapsedLabel(t: number, from: number): string {
  const s = Math.max(0, Math.floor((t - from) / 1000))
  const pad = (n: number) => String(n).padStart(2, '0')
  return `+${Math.floor(s / 3600)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`
}

/** 0…1 of the way through [from, to], clamped. */
export function progressOf(t: number, from: number, to: number): number {
  return to > from ? Math.min(1, Math.max(0, (t - from) / (to - from))) : 0
}
