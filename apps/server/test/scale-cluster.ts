import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { LoginResponse } from '@ioc/domain'
import { createClient } from 'redis'
import { io as connect, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client'
import { hashPassword } from '../src/auth/password'
import { hashToken, newToken } from '../src/auth/tokens'
import { loadConfig } from '../src/config/config'
import { type RunningServer, startServer } from '../src/server'
import { openPostgresStore } from '../src/store/postgres/postgres-store'
import { createTempSchema } from '../src/store/postgres/temp-schema'
import type { Store } from '../src/store/store'
import { ADMIN_PASSWORD, network, PASSWORD } from './test-server'

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
  await store.createUser({
    name: 'admin',
    role: 'admin',
    passwordHash: await hashPassword(ADMIN_PASSWORD),
    createdAt: Date.now(),
  })
  for (const role of ['operator', 'duty-officer', 'analyst'] as const) {
    await store.createUser({
      name: role,
      role,
      passwordHash: await hashPassword(PASSWORD),
      createdAt: Date.now(),
    })
  }
  const ingestKey = newToken('ingest-key')
  const displayToken = newToken('display')
  await store.createToken({ kind: 'ingest-key', name: 'feed', tokenHash: hashToken(ingestKey), createdAt: 0 })
  await store.createToken({ kind: 'display', name: 'wall', tokenHash: hashToken(displayToken), createdAt: 0 })
  const dataDir = mkdtempSync(join(tmpdir(), 'ioc-scale-'))
  const redis = createClient({ url: REDIS_URL })
  await redis.connect()
  /** The environment of an instance: its own name, the shared database and Redis. */
  const envOf = (instanceId: string, more: Record<string, string> = {}): Record<string, string> => ({
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    LIVE_TICK_MS: '50',
    IOC_ADMIN_PASSWORD: ADMIN_PASSWORD,
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
    const api = (path: string, init: RequestInit & { token?: string } = {}) => {
      const { token, ...rest } = init
      const headers = new Headers(rest.headers)
      if (token) headers.set('authorization', `Bearer ${token}`)
      return fetch(`${url}/api/v1${path}`, { ...rest, headers })
    }
    return {
      url,
      server,
      api,
      async login(name: string) {
        const res = await api('/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name, password: name === 'admin' ? ADMIN_PASSWORD : PASSWORD }),
        })
        if (res.status !== 200) throw new Error(`login ${name}: ${res.status} ${await res.text()}`)
        return ((await res.json()) as LoginResponse).token
      },
      ingest: (body: string) =>
        api('/observations', {
          method: 'POST',
          headers: { 'content-type': 'application/x-ndjson' },
          body,
          token: ingestKey,
        }),
      socket(opts: Partial<ManagerOptions & SocketOptions> = {}): Socket {
        const s = connect(url, { transports: ['websocket'], reconnectionDelay: 100, ...opts })
        sockets.push(s)
        return s
      },
    }
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
