import { describe, expect, test } from 'vitest'
import { connectionStatus, STALE_AFTER_MS } from './connection-status'

const NOW = Date.parse('2025-10-30T10:30:00Z')

describe('connectionStatus', () => {
  test('connected with fresh data', () => {
    expect(connectionStatus({ connected: true, everConnected: true, lastDataAt: NOW - 2_000 }, NOW)).toBe(
      'connected',
    )
  })
  test('connected but silent for longer than the stale limit', () => {
    const link = { connected: true, everConnected: true, lastDataAt: NOW - STALE_AFTER_MS - 1 }
    expect(connectionStatus(link, NOW)).toBe('stale')
  })
  test('a dropped link is reconnecting, a first attempt is connecting', () => {
    expect(connectionStatus({ connected: false, everConnected: true, lastDataAt: NOW }, NOW)).toBe(
      'reconnecting',
    )
    expect(connectionStatus({ connected: false, everConnected: false, lastDataAt: null }, NOW)).toBe(
      'connecting',
    )
  })
})
