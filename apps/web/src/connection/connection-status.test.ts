import { describe, expect, test } from 'vitest'
import { connectionStatus, DATA_STALE_AFTER_MS, lastUpdateAt, STALE_AFTER_MS } from './connection-status'

const NOW = Date.parse('2025-10-30T10:30:00Z')

describe('connectionStatus', () => {
  test('connected with fresh data', () => {
    expect(
      connectionStatus(
        { connected: true, everConnected: true, lastDataAt: NOW - 2_000, newestReadingAt: NOW - 60_000 },
        NOW,
      ),
    ).toBe('connected')
  })
  test('connected but silent for longer than the stale limit', () => {
    const link = {
      connected: true,
      everConnected: true,
      lastDataAt: NOW - STALE_AFTER_MS - 1,
      newestReadingAt: NOW - 60_000,
    }
    expect(connectionStatus(link, NOW)).toBe('stale')
  })
  test('a dropped link is reconnecting, a first attempt is connecting', () => {
    expect(
      connectionStatus({ connected: false, everConnected: true, lastDataAt: NOW, newestReadingAt: NOW }, NOW),
    ).toBe('reconnecting')
    expect(
      connectionStatus(
        { connected: false, everConnected: false, lastDataAt: null, newestReadingAt: null },
        NOW,
      ),
    ).toBe('connecting')
  })
  test('a live server whose feeds have all stopped is stale, counted from the newest reading', () => {
    const newestReadingAt = NOW - DATA_STALE_AFTER_MS - 1
    const link = { connected: true, everConnected: true, lastDataAt: NOW - 5_000, newestReadingAt }
    expect(connectionStatus(link, NOW)).toBe('stale')
    expect(lastUpdateAt(link, NOW)).toBe(newestReadingAt)
  })
  test('a replay, whose readings are old by design, is judged by its link alone', () => {
    const link = { connected: true, everConnected: true, lastDataAt: NOW - 5_000, newestReadingAt: null }
    expect(connectionStatus(link, NOW)).toBe('connected')
  })
})
