import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { LoginResponse, Observation, Role } from '@ioc/domain'
import { loadNetwork } from '@ioc/fixtures'
import { io as connect, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client'
import { hashPassword } from '../src/auth/password'
import { hashToken, newToken } from '../src/auth/tokens'
import { loadConfig } from '../src/config/config'
import { startServer } from '../src/server'
import { openSqliteStore } from '../src/store/sqlite/sqlite-store'
import type { Store } from '../src/store/store'

export const ADMIN_PASSWORD = 'admin password for tests'
export const PASSWORD = 'a long enough password'
export const network = loadNetwork()

/** The environment of a test server on `dataDir`: any free port, quiet, a fast live tick. */
export const testEnv = (dataDir: string): Record<string, string> => ({
  PORT: '0',
  DATA_DIR: dataDir,
  LOG_LEVEL: 'silent',
  LIVE_TICK_MS: '50',
  IOC_ADMIN_PASSWORD: ADMIN_PASSWORD,
})

/** The real server on an ephemeral port with a fresh DATA_DIR, plus one user per role and tokens. */
export async function startTestServer(env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'ioc-server-'))
  const config = loadConfig({ ...testEnv(dataDir), ...env })
  const server = await startServer(config, network)
  // A second connection to the same database, as the CLI makes: to seed accounts and to look inside.
  const store = openSqliteStore(join(dataDir, 'ioc.sqlite'))
  const { ingestKey, displayToken } = await seedAccounts(
    store,
    ['operator', 'duty-officer', 'analyst'],
    'wall-1',
  )
  const sockets: Socket[] = []
  const { api, login, ingest, socket } = clientOf(server.url, ingestKey, sockets)

  return {
    url: server.url,
    dataDir,
    store: store as Store,
    ingestKey,
    displayToken,
    api,
    login,
    ingest,
    socket,
    /** The forecast job, to run on the data's clock. */
    forecasts: server.forecasts,
    close: () => server.close(),
    async stop() {
      for (const s of sockets) s.disconnect()
      await server.close()
      await store.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
export type TestServer = Awaited<ReturnType<typeof startTestServer>>

/**
 * One user per role in `roles` (the admin with ADMIN_PASSWORD, the others with PASSWORD), an ingest key
 * named "feed" and a display token for the wall `wall`; returns the two tokens.
 */
export async function seedAccounts(store: Store, roles: readonly Role[], wall: string) {
  for (const role of roles) {
    await store.createUser({
      name: role,
      role,
      passwordHash: await hashPassword(role === 'admin' ? ADMIN_PASSWORD : PASSWORD),
      createdAt: Date.now(),
    })
  }
  const ingestKey = newToken('ingest-key')
  const displayToken = newToken('display')
  await store.createToken({ kind: 'ingest-key', name: 'feed', tokenHash: hashToken(ingestKey), createdAt: 0 })
  await store.createToken({ kind: 'display', name: wall, tokenHash: hashToken(displayToken), createdAt: 0 })
  return { ingestKey, displayToken }
}

/** A client of the server at `url`: the REST API, login, ingest and sockets (kept in `sockets` to close). */
export function clientOf(url: string, ingestKey: string, sockets: Socket[]) {
  const api = (path: string, init: RequestInit & { token?: string } = {}) => {
    const { token, ...rest } = init
    const headers = new Headers(rest.headers)
    if (token) headers.set('authorization', `Bearer ${token}`)
    return fetch(`${url}/api/v1${path}`, { ...rest, headers })
  }
  const login = async (name: string, password = name === 'admin' ? ADMIN_PASSWORD : PASSWORD) => {
    const res = await api('/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, password }),
    })
    if (res.status !== 200) throw new Error(`login ${name}: ${res.status} ${await res.text()}`)
    return ((await res.json()) as LoginResponse).token
  }
  const ingest = (body: string, contentType = 'application/x-ndjson', token = ingestKey) =>
    api('/observations', { method: 'POST', headers: { 'content-type': contentType }, body, token })
  const socket = (opts: Partial<ManagerOptions & SocketOptions> = {}): Socket => {
    const s = connect(url, { transports: ['websocket'], reconnectionDelay: 100, ...opts })
    sockets.push(s)
    return s
  }
  return { api, login, ingest, socket }
}

export const ndjson = (items: readonly unknown[]) => `${items.map((i) => JSON.stringify(i)).join('\n')}\n`

export const segmentId = (i: number) => network.segments[i]?.id as string
export const stationIdx = (id: string) => network.stations.findIndex((s) => s.id === id)

/** A reading a minute ago, so it is never "in the future" whatever the test machine's speed. */
export function speed(i: number, kph: number, atMs = Date.now() - 60_000): Observation {
  return {
    type: 'traffic',
    segmentId: segmentId(i),
    observedAt: new Date(atMs).toISOString(),
    speedKph: kph,
    source: 'test',
  }
}
export function level(stationId: string, value: number, atMs = Date.now() - 60_000): Observation {
  return { type: 'water', stationId, observedAt: new Date(atMs).toISOString(), value, source: 'test' }
}

/** Resolves with the next `event` on the socket. */
export function next<T>(socket: Socket, event: string, timeoutMs = 3000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs)
    socket.once(event, (value: T) => {
      clearTimeout(timer)
      resolve(value)
    })
  })
}
