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

test('scaling out: database, Redis and MQTT URLs are checked, and a password in a URL is never echoed', () => {
  const c = loadConfig({
    DATABASE_URL: 'postgres://ioc@db:5432/ioc',
    REDIS_URL: 'redis://cache:6379',
    MQTT_URL: 'mqtt://broker:1883',
    INSTANCE_ID: 'ioc-1',
  })
  expect(c).toMatchObject({
    databaseUrl: 'postgres://ioc@db:5432/ioc',
    redisUrl: 'redis://cache:6379',
    redisPrefix: 'ioc',
    instanceId: 'ioc-1',
    leaseTtlMs: 15_000,
    mqtt: { url: 'mqtt://broker:1883', clientId: 'ioc-server', shareGroup: undefined },
  })
  expect(() =>
    loadConfig({ DATABASE_URL: 'mysql://ioc:s3cret@db/ioc', REDIS_URL: 'cache:6379', LEASE_TTL_MS: '90000' }),
  ).toThrow(
    [
      'invalid configuration:',
      '  DATABASE_URL="mysql://ioc:***@db/ioc": expected a postgres:// or postgresql:// URL',
      '  REDIS_URL="cache:6379": expected a redis:// or rediss:// URL',
      '  LEASE_TTL_MS="90000": expected at most 40000',
    ].join('\n'),
  )
})
