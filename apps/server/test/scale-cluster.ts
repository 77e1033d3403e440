import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from 'redis'
import type { Socket } from 'socket.io-client'
import { loadConfig } from '../src/config/config'
import { type RunningServer, startServer } from '../src/server'
import { openPostgresStore } from '../src/store/postgres/postgres-store'
import { createTempSchema } from '../src/store/postgres/temp-schema'
import type { Store } from '../src/store/store'
import { clientOf, network, seedAccounts, testEnv } from './test-server'

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

/**
 * What instances of one deployment share: a fresh PostgreSQL schema, a Redis key prefix of its own,
 * users of every role and an ingest key and display token. `env` is the environment of every instance.
 */
export async function createDeployment(label: string, env: Record<string, string> = {}) {
  const schema = await createTempSchema(label)
  const prefix = `ioc-test-${label}-${randomBytes(4).toString('hex')}`
  const store: Store = await openPostgresStore(schema.url)
  // The admin too: the first instance only creates one when the database has no user at all.
  const { ingestKey, displayToken } = await seedAccounts(
    store,
    ['admin', 'operator', 'duty-officer', 'analyst'],
    'wall',
  )
  const dataDir = mkdtempSync(join(tmpdir(), 'ioc-scale-'))
  const redis = createClient({ url: REDIS_URL })
  await redis.connect()
  /** The environment of an instance: its own name, the shared database and Redis. */
  const envOf = (instanceId: string, more: Record<string, string> = {}): Record<string, string> => ({
    ...testEnv(dataDir),
    DATABASE_URL: schema.url,
    REDIS_URL,
    REDIS_PREFIX: prefix,
    INSTANCE_ID: instanceId,
    ...env,
    ...more,
  })
  const sockets: Socket[] = []
  const servers: RunningServer[] = []

  return {
    store,
    redis,
    prefix,
    ingestKey,
    displayToken,
    envOf,
    /** Who holds the leader lease now, by INSTANCE_ID; null when nobody does. */
    leader: () => redis.get(`${prefix}:lease:leader`),
    /** An instance in this process. */
    async start(instanceId: string, more: Record<string, string> = {}) {
      const server = await startServer(loadConfig(envOf(instanceId, more)), network)
      servers.push(server)
      return instance(server.url, server)
    },
    /** A client of an instance at `url` (in this process or not). */
    instance,
    async stop() {
      for (const s of sockets) s.disconnect()
      await Promise.all(servers.map((s) => s.close()))
      await store.close()
      const keys = await redis.keys(`${prefix}*`)
      if (keys.length) await redis.del(keys)
      await redis.close()
      await schema.drop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }

  function instance(url: string, server?: RunningServer) {
    return { url, server, ...clientOf(url, ingestKey, sockets) }
  }
}
export type Deployment = Awaited<ReturnType<typeof createDeployment>>

/** Polls `read` until `ok` holds or the time is up; returns the last value read. */
export async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const v = await read()
    if (ok(v) || Date.now() > end) return v
    await new Promise((r) => setTimeout(r, 50))
  }
}
