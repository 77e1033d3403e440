import { expect, test } from 'vitest'
import { loadConfig } from './config'

test('defaults: loopback on 8080 with a 100 ms live tick', () => {
  const c = loadConfig({})
  expect(c).toMatchObject({
    port: 8080,
    host: '127.0.0.1',
    liveTickMs: 100,
    bodyLimit: '20mb',
    corsOrigins: [],
  })
  expect(c.adminPassword).toBeUndefined()
})

test('every bad variable is named in one message, with its value (secrets hidden) and what was expected', () => {
  expect(() =>
    loadConfig({ PORT: 'eighty', LIVE_TICK_MS: '5', CORS_ORIGINS: 'ioc.local', IOC_ADMIN_PASSWORD: 'admin' }),
  ).toThrow(
    [
      'invalid configuration:',
      '  PORT="eighty": expected a whole number',
      '  LIVE_TICK_MS="5": expected at least 10',
      '  IOC_ADMIN_PASSWORD=(hidden): expected at least 12 characters',
      '  CORS_ORIGINS="ioc.local": expected origins like "https://ioc.example.vn"',
    ].join('\n'),
  )
})

test('origins are a comma-separated list', () => {
  expect(loadConfig({ CORS_ORIGINS: 'https://a.vn, https://b.vn' }).corsOrigins).toEqual([
    'https://a.vn',
    'https://b.vn',
  ])
})
