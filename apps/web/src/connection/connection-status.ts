export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'stale'

/**
 * Connected but silent for this long means the data on screen may be wrong. The server sends a delta
 * on each tick that has changes (100 ms by default); with thousands of segments reporting every minute
 * a 30 s silence is a stuck feed or server, not a quiet city.
 */
export const STALE_AFTER_MS = 30_000

export interface LinkFacts {
  connected: boolean
  everConnected: boolean
  /** When the last snapshot or delta arrived (client clock, epoch ms), null before the first. */
  lastDataAt: number | null
}

export function connectionStatus(link: LinkFacts, now: number): ConnectionStatus {
  if (!link.connected) return link.everConnected ? 'reconnecting' : 'connecting'
  if (link.lastDataAt === null) return 'connecting'
  return now - link.lastDataAt > STALE_AFTER_MS ? 'stale' : 'connected'
}
