export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'stale'

/**
 * Connected but silent for this long means the link or the server is stuck: the server sends a delta on
 * each tick that has changes and an empty one every 10 s when nothing changed.
 */
export const STALE_AFTER_MS = 30_000

/**
 * No new reading from any gauge, sensor or road for this long means the feeds have stopped, even if the
 * server is fine: three report intervals of the 5-minute feeds.
 */
export const DATA_STALE_AFTER_MS = 15 * 60_000

export interface LinkFacts {
  connected: boolean
  everConnected: boolean
  /** When the last snapshot or delta arrived (client clock, epoch ms), null before the first. */
  lastDataAt: number | null
  /** Observation time of the newest reading on screen; null where it is not judged (a replay). */
  newestReadingAt: number | null
}

function feedsStopped(link: LinkFacts, now: number): boolean {
  return link.newestReadingAt !== null && now - link.newestReadingAt > DATA_STALE_AFTER_MS
}

export function connectionStatus(link: LinkFacts, now: number): ConnectionStatus {
  if (!link.connected) return link.everConnected ? 'reconnecting' : 'connecting'
  if (link.lastDataAt === null) return 'connecting'
  return now - link.lastDataAt > STALE_AFTER_MS || feedsStopped(link, now) ? 'stale' : 'connected'
}

/** The time a stale banner counts from: the newest reading when the feeds stopped, else the last message. */
export function lastUpdateAt(link: LinkFacts, now: number): number | null {
  return feedsStopped(link, now) ? link.newestReadingAt : link.lastDataAt
}
