import { expect, test } from 'vitest'
import { loadConfig } from '../config/config'
import { notBeforeMs } from './ingest-horizon'

const NOW = Date.parse('2026-12-03T12:00:00Z')

test('by default live ingest takes readings back to 2000-01-01 in Hồ Chí Minh City, however old', () => {
  const { horizon } = loadConfig({})
  expect(new Date(notBeforeMs(horizon, NOW)).toISOString()).toBe('1999-12-31T17:00:00.000Z')
})

test('an age limit moves the horizon to that many days before now, never before the epoch', () => {
  const { horizon } = loadConfig({ INGEST_MAX_AGE_DAYS: '30', INGEST_EPOCH: '2026-11-20T00:00:00Z' })
  expect(notBeforeMs(horizon, NOW)).toBe(Date.parse('2026-11-20T00:00:00Z'))
  expect(notBeforeMs(horizon, NOW + 60 * 86_400_000)).toBe(NOW + 30 * 86_400_000)
})

test('bad horizon and retention values are named', () => {
  expect(() =>
    loadConfig({ INGEST_EPOCH: '2000-01-01', INGEST_MAX_AGE_DAYS: '0', RAW_RETENTION_DAYS: 'ninety' }),
  ).toThrow(
    [
      'invalid configuration:',
      '  RAW_RETENTION_DAYS="ninety": expected a whole number',
      '  INGEST_EPOCH="2000-01-01": expected an ISO 8601 time with offset',
      '  INGEST_MAX_AGE_DAYS="0": expected at least 1',
    ].join('\n'),
  )
  expect(loadConfig({}).retention).toEqual({ rawRetentionMs: 90 * 86_400_000, everyMs: 3_600_000 })
})
